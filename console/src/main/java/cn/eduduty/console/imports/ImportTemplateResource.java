package cn.eduduty.console.imports;

import java.io.InputStream;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import cn.eduduty.console.ConsoleUser;
import cn.eduduty.console.api.Problem;
import cn.eduduty.console.web.ErrorPages;

/**
 * {@code /imports/{kind}/template.xlsx}: school-registry's XLSX template of an import kind
 * ({@code GET /api/v1/imports/{kind}/template}), passed through with its file name. A class of its
 * own whose path is the whole download path: RESTEasy Reactive picks the resource class by its path
 * before the method (decisions.md, the report downloads).
 */
@Path("/imports/{kind}/template.xlsx")
public class ImportTemplateResource {

    @Inject
    ConsoleUser user;

    @RestClient
    ImportFiles files;

    @GET
    @Produces({ ImportFiles.XLSX, MediaType.TEXT_HTML })
    public Response template(@PathParam("kind") String kind) {
        user.require();
        if (!ImportResource.KINDS.containsKey(kind)) {
            return ErrorPages.page(new Problem(404, "没有这种导入表", null, Map.of()));
        }
        Response answer = files.template(kind);
        return Response.ok(answer.readEntity(InputStream.class), ImportFiles.XLSX)
                .header("Content-Disposition", answer.getHeaderString("Content-Disposition")).build();
    }
}
