package cn.eduduty.console.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.eduduty.console.ConsoleUser;
import cn.eduduty.console.api.Problem;
import cn.eduduty.console.api.registry.model.ImportSummary;
import cn.eduduty.console.web.ErrorPages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Importing the statistics sheets: the seven kinds with their XLSX templates
 * ({@link ImportTemplateResource}) and an upload form per kind, which
 * sends the file to {@code POST /api/v1/counties/{county}/imports/{kind}} with a key chosen when
 * the form was shown, so a form sent twice imports once. All or nothing: a refused sheet shows
 * the registry's row messages and stores nothing.
 */
@Path("/counties/{region}/{year}/imports")
@Produces(MediaType.TEXT_HTML)
public class ImportResource {

    /** The kinds in the registry's order, with the names its templates carry (ImportKind). */
    static final Map<String, String> KINDS = kinds();

    private static Map<String, String> kinds() {
        Map<String, String> k = new LinkedHashMap<>();
        k.put("schools", "学校基本情况");
        k.put("classes", "教学班");
        k.put("enrolment", "招生毕业及流动");
        k.put("staff", "教职工");
        k.put("senior-entrance", "高中阶段招生");
        k.put("teacher-recruitment", "教师补充");
        k.put("training-institutions", "校外培训机构");
        return k;
    }

    /** One kind on the page: its key, name, the key of its next upload, and the last upload's outcome. */
    public record Kind(String key, String name, String uploadKey, ImportSummary stored, Problem problem) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance imports(String region, int year, List<Kind> kinds, boolean editor);
    }

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    @Inject
    ConsoleUser user;

    @RestClient
    ImportFiles files;

    @GET
    public TemplateInstance page(@PathParam("region") String region, @PathParam("year") int year) {
        ConsoleUser.Claims me = user.require();
        return Templates.imports(region, year, KINDS.entrySet().stream()
                .map(e -> new Kind(e.getKey(), e.getValue(), UUID.randomUUID().toString(), null, null)).toList(), me.editor());
    }

    @POST
    @Path("{kind}")
    public Response upload(@PathParam("region") String region, @PathParam("year") int year, @PathParam("kind") String kind,
            @RestForm("key") String key, @RestForm("file") FileUpload file) throws IOException {
        ConsoleUser.Claims me = user.require();
        ImportSummary stored = null;
        Problem problem;
        if (!KINDS.containsKey(kind)) {
            return ErrorPages.page(new Problem(404, "没有这种导入表", null, Map.of()));
        }
        if (file == null || file.size() == 0) {
            problem = new Problem(400, "请选择要导入的文件", null, Map.of("file", "请选择 XLSX 或 CSV 文件"));
        } else {
            byte[] bytes = Files.readAllBytes(file.uploadedFile());
            String name = String.valueOf(file.fileName()).toLowerCase(Locale.ROOT);
            String idempotencyKey = key == null || key.isBlank() ? UUID.randomUUID().toString() : key;
            try {
                try (Response answer = name.endsWith(".csv") ? files.importCsv(region, kind, idempotencyKey, bytes)
                        : files.importXlsx(region, kind, idempotencyKey, bytes)) {
                    stored = JSON.readValue(answer.readEntity(String.class), ImportSummary.class);
                }
                problem = null;
            } catch (ProcessingException | WebApplicationException e) {
                problem = Problem.of(e);
                if (problem.status() == 401) {
                    return ErrorPages.page(problem);
                }
            }
        }
        ImportSummary outcome = stored;
        Problem refusal = problem;
        List<Kind> kinds = KINDS.entrySet().stream().map(e -> e.getKey().equals(kind)
                ? new Kind(e.getKey(), e.getValue(), UUID.randomUUID().toString(), outcome, refusal)
                : new Kind(e.getKey(), e.getValue(), UUID.randomUUID().toString(), null, null)).toList();
        return Response.status(refusal == null ? 200 : refusal.status()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .entity(Templates.imports(region, year, kinds, me.editor())).build();
    }
}
