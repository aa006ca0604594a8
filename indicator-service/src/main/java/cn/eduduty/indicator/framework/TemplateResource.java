package cn.eduduty.indicator.framework;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.eduduty.indicator.framework.api.CreateFrameworkRequest;
import cn.eduduty.indicator.framework.api.FrameworkResponse;
import cn.eduduty.indicator.framework.api.IndicatorRequest;
import cn.eduduty.indicator.framework.api.InstantiateTemplateRequest;
import cn.eduduty.runtime.problem.ProblemException;
import cn.eduduty.runtime.security.Access;
import cn.eduduty.runtime.security.Roles;

@Path("/api/v1/templates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Templates", description = "Framework templates shipped with the service, e.g. the national template")
public class TemplateResource {

    private final TemplateCatalog templates;
    private final FrameworkService frameworks;
    private final Access access;

    TemplateResource(TemplateCatalog templates, FrameworkService frameworks, Access access) {
        this.templates = templates;
        this.frameworks = frameworks;
        this.access = access;
    }

    @Schema(name = "Template", description = "A framework template")
    public record TemplateResponse(
            @Schema(examples = "national") String id,
            @Schema(examples = "县级人民政府履行教育职责评价指标体系（国家模板）") String name,
            String description,
            @Schema(examples = "66") int indicatorCount,
            @Schema(description = "The tree; absent in the list") List<IndicatorRequest> indicators) {
    }

    @GET
    @RolesAllowed({ Roles.COUNTY_EDITOR, Roles.PREFECTURE_REVIEWER, Roles.VIEWER, Roles.SYSTEM })
    @Operation(operationId = "listTemplates", summary = "List the framework templates")
    @APIResponse(responseCode = "200", description = "The templates, without their trees",
            content = @Content(schema = @Schema(implementation = TemplateResponse.class, type = SchemaType.ARRAY)))
    public List<TemplateResponse> list() {
        return templates.all().stream()
                .map(t -> new TemplateResponse(t.id(), t.name(), t.description(), t.indicators().size(), null)).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.COUNTY_EDITOR, Roles.PREFECTURE_REVIEWER, Roles.VIEWER, Roles.SYSTEM })
    @Operation(operationId = "getTemplate", summary = "Get a framework template with its tree")
    @APIResponse(responseCode = "200", description = "The template",
            content = @Content(schema = @Schema(implementation = TemplateResponse.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public TemplateResponse get(@PathParam("id") String id) {
        TemplateCatalog.Template t = find(id);
        return new TemplateResponse(t.id(), t.name(), t.description(), t.indicators().size(), t.indicators());
    }

    @POST
    @Path("/{id}/frameworks")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.PREFECTURE_REVIEWER, Roles.SYSTEM })
    @Operation(operationId = "instantiateTemplate", summary = "Create a draft framework from a template")
    @APIResponse(responseCode = "201", description = "The new draft, filled from the template",
            content = @Content(schema = @Schema(implementation = FrameworkResponse.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response instantiate(@PathParam("id") String id, @Valid @NotNull InstantiateTemplateRequest request) {
        access.require(request.regionCode(), "issue frameworks for", Roles.PREFECTURE_REVIEWER, Roles.SYSTEM);
        TemplateCatalog.Template t = find(id);
        FrameworkResponse created = frameworks.create(new CreateFrameworkRequest(request.code(),
                request.name() != null ? request.name() : t.name(), request.evaluationYear(), request.issuer(),
                request.regionCode(), t.indicators()), access.principal());
        return FrameworkResource.created(created);
    }

    private TemplateCatalog.Template find(String id) {
        return templates.find(id).orElseThrow(() -> ProblemException.notFound("Template", id));
    }
}
