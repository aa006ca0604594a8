package cn.eduduty.indicator.framework;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.eduduty.indicator.framework.api.CreateFrameworkRequest;
import cn.eduduty.indicator.framework.api.DeriveFrameworkRequest;
import cn.eduduty.indicator.framework.api.FrameworkDiffResponse;
import cn.eduduty.indicator.framework.api.FrameworkResponse;
import cn.eduduty.indicator.framework.api.IndicatorRequest;
import cn.eduduty.indicator.framework.api.IndicatorResponse;
import cn.eduduty.runtime.problem.ProblemException;
import cn.eduduty.runtime.security.Access;
import cn.eduduty.runtime.security.Roles;
import cn.eduduty.runtime.web.Page;
import cn.eduduty.runtime.web.PageRequest;
import cn.eduduty.runtime.web.Versions;

/**
 * Frameworks are issued by a prefecture (reviewers and system clients of its region) and read by
 * every region below it. Drafts are edited under If-Match; a published framework never changes.
 */
@Path("/api/v1/frameworks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Frameworks", description = "Evaluation frameworks issued by a prefecture per evaluation year")
public class FrameworkResource {

    static final String CSV = "text/csv";

    private final FrameworkService service;
    private final Access access;
    private final ObjectMapper mapper;

    FrameworkResource(FrameworkService service, Access access, ObjectMapper mapper) {
        this.service = service;
        this.access = access;
        this.mapper = mapper;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.PREFECTURE_REVIEWER, Roles.SYSTEM })
    @Operation(operationId = "createFramework", summary = "Create a draft framework, optionally with its whole tree (JSON import)")
    @APIResponse(responseCode = "201", description = "Created as DRAFT",
            content = @Content(schema = @Schema(implementation = FrameworkResponse.class)))
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response create(@Valid @NotNull CreateFrameworkRequest request) {
        access.require(request.regionCode(), "issue frameworks for", FrameworkService.ISSUERS);
        return created(service.create(request, access.principal()));
    }

    private static Response withEtag(FrameworkResponse framework) {
        return Response.ok(framework).tag(Versions.etag(framework.version())).build();
    }

    static Response created(FrameworkResponse framework) {
        return Response.created(URI.create("/api/v1/frameworks/" + framework.id())).entity(framework)
                .tag(Versions.etag(framework.version())).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.COUNTY_EDITOR, Roles.PREFECTURE_REVIEWER, Roles.VIEWER, Roles.SYSTEM })
    @Operation(operationId = "getFramework", summary = "Get a framework with its whole tree (JSON export)")
    @APIResponse(responseCode = "200", description = "The framework, with its version as ETag",
            content = @Content(schema = @Schema(implementation = FrameworkResponse.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response get(@PathParam("id") UUID id) {
        return withEtag(service.get(id, access));
    }

    @GET
    @RolesAllowed({ Roles.COUNTY_EDITOR, Roles.PREFECTURE_REVIEWER, Roles.VIEWER, Roles.SYSTEM })
    @Operation(operationId = "listFrameworks", summary = "List frameworks of a region")
    @APIResponse(responseCode = "200", description = "One page of frameworks (without trees), newest year first")
    public Page<FrameworkResponse> list(
            @QueryParam("region") @NotNull @Pattern(regexp = "^\\d{6}$", message = "must be a 6-digit GB/T 2260 code")
            @Parameter(description = "Region whose frameworks (its own and those below it) to list", required = true)
            String region,
            @QueryParam("year") @Min(2000) @Max(2100) @Parameter(description = "Evaluation year") Integer year,
            @QueryParam("status") @Parameter(description = "DRAFT or PUBLISHED") FrameworkStatus status,
            @Valid @BeanParam PageRequest page) {
        access.requireRead(region);
        return service.list(region, year, status, page);
    }

    @GET
    @Path("/{id}/indicators")
    @Produces({ MediaType.APPLICATION_JSON, CSV })
    @RolesAllowed({ Roles.COUNTY_EDITOR, Roles.PREFECTURE_REVIEWER, Roles.VIEWER, Roles.SYSTEM })
    @Operation(operationId = "exportIndicators", summary = "Export a framework's tree as JSON or CSV (Accept: text/csv or ?format=csv)")
    @APIResponse(responseCode = "200", description = "The tree in reading order, one CSV row per indicator", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = IndicatorResponse.class, type = SchemaType.ARRAY)),
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = "csv",
                    value = "code,level,title,criteria,displayOrder,metricKey,comparator,threshold,unit\r\n"
                            + "4.1.1,3,学前教育普及,学前三年毛入园率达到85%以上。,1,registry.preschool.gross_enrolment_rate,GE,85,PERCENT\r\n")) })
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response exportIndicators(@PathParam("id") UUID id,
            @QueryParam("format") @Pattern(regexp = "^(json|csv)$", message = "must be json or csv")
            @Parameter(description = "json or csv; overrides Accept") String format,
            @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        List<IndicatorResponse> tree = service.indicatorsOf(id, access);
        boolean csv = "csv".equals(format) || (format == null && accept != null && accept.contains(CSV)
                && !accept.contains(MediaType.APPLICATION_JSON));
        if (csv) {
            return Response.ok(IndicatorCsv.write(tree), CSV + "; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"framework-" + id + ".csv\"").build();
        }
        return Response.ok(tree, MediaType.APPLICATION_JSON).build();
    }

    @PUT
    @Path("/{id}/indicators")
    @Consumes({ MediaType.APPLICATION_JSON, CSV })
    @RolesAllowed({ Roles.PREFECTURE_REVIEWER, Roles.SYSTEM })
    @Operation(operationId = "replaceIndicators", summary = "Replace a draft's whole tree from JSON or CSV (import)")
    @RequestBody(required = true, description = "Every row is checked; nothing is stored unless all are valid", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = IndicatorRequest.class, type = SchemaType.ARRAY)),
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING)) })
    @APIResponse(responseCode = "200", description = "The draft with its new tree",
            content = @Content(schema = @Schema(implementation = FrameworkResponse.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response replaceIndicators(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body) throws JsonProcessingException {
        return withEtag(service.replaceTree(id, () -> tree(contentType, body), ifMatch, access));
    }

    /** The uploaded tree, as CSV or as a JSON array; a malformed one is a 400. */
    private FrameworkService.Tree tree(String contentType, String body) throws JsonProcessingException {
        if (contentType != null && contentType.startsWith(CSV)) {
            IndicatorCsv.Parsed parsed = IndicatorCsv.read(body == null ? "" : body);
            if (!parsed.errors().isEmpty()) {
                throw ProblemException.invalid(parsed.errors());
            }
            if (parsed.rows().size() > CreateFrameworkRequest.MAX_INDICATORS) {
                throw ProblemException.invalid("rows", "at most " + CreateFrameworkRequest.MAX_INDICATORS + " indicators");
            }
            return new FrameworkService.Tree(parsed.rows(), parsed.names());
        }
        List<IndicatorRequest> tree = mapper.readValue(body == null || body.isBlank() ? "null" : body,
                new TypeReference<List<IndicatorRequest>>() {
                });
        if (tree == null) {
            throw ProblemException.invalid("body", "must be a JSON array of indicators");
        }
        if (tree.size() > CreateFrameworkRequest.MAX_INDICATORS) {
            throw ProblemException.invalid("body", "at most " + CreateFrameworkRequest.MAX_INDICATORS + " indicators");
        }
        return new FrameworkService.Tree(tree, TreeRules.JSON);
    }

    @PUT
    @Path("/{id}/indicators/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.PREFECTURE_REVIEWER, Roles.SYSTEM })
    @Operation(operationId = "putIndicator", summary = "Add or replace one indicator of a draft")
    @APIResponse(responseCode = "200", description = "The draft with the indicator in place",
            content = @Content(schema = @Schema(implementation = FrameworkResponse.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response putIndicator(@PathParam("id") UUID id,
            @PathParam("code") @Pattern(regexp = IndicatorCode.PATTERN, message = "must look like 4, 4.2 or 4.2.3") String code,
            @HeaderParam("If-Match") String ifMatch, @NotNull IndicatorRequest request) {
        return withEtag(service.putIndicator(id, code, request, ifMatch, access));
    }

    @DELETE
    @Path("/{id}/indicators/{code}")
    @RolesAllowed({ Roles.PREFECTURE_REVIEWER, Roles.SYSTEM })
    @Operation(operationId = "deleteIndicator", summary = "Remove an indicator (without indicators under it) from a draft")
    @APIResponse(responseCode = "200", description = "The draft without the indicator",
            content = @Content(schema = @Schema(implementation = FrameworkResponse.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "422", ref = "RuleViolated")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response deleteIndicator(@PathParam("id") UUID id,
            @PathParam("code") @Pattern(regexp = IndicatorCode.PATTERN, message = "must look like 4, 4.2 or 4.2.3") String code,
            @HeaderParam("If-Match") String ifMatch) {
        return withEtag(service.deleteIndicator(id, code, ifMatch, access));
    }

    @POST
    @Path("/{id}/publication")
    @RolesAllowed({ Roles.PREFECTURE_REVIEWER, Roles.SYSTEM })
    @Operation(operationId = "publishFramework", summary = "Publish a complete draft; it never changes afterwards")
    @APIResponse(responseCode = "200", description = "Published",
            content = @Content(schema = @Schema(implementation = FrameworkResponse.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "422", ref = "RuleViolated")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response publish(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return withEtag(service.publish(id, ifMatch, access));
    }

    @POST
    @Path("/{id}/derivations")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.PREFECTURE_REVIEWER, Roles.SYSTEM })
    @Operation(operationId = "deriveFramework", summary = "Start next year's draft as a copy of a published framework")
    @APIResponse(responseCode = "201", description = "The new draft",
            content = @Content(schema = @Schema(implementation = FrameworkResponse.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "RuleViolated")
    public Response derive(@PathParam("id") UUID id, @Valid @NotNull DeriveFrameworkRequest request) {
        return created(service.derive(id, request, access));
    }

    @GET
    @Path("/{id}/diff")
    @RolesAllowed({ Roles.COUNTY_EDITOR, Roles.PREFECTURE_REVIEWER, Roles.VIEWER, Roles.SYSTEM })
    @Operation(operationId = "diffFrameworks", summary = "Compare a framework with another, indicator by indicator")
    @APIResponse(responseCode = "200", description = "Added, removed and changed indicators",
            content = @Content(schema = @Schema(implementation = FrameworkDiffResponse.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public FrameworkDiffResponse diff(@PathParam("id") UUID id,
            @QueryParam("against") @NotNull @Parameter(description = "The framework to compare to", required = true)
            UUID against) {
        return service.diff(id, against, access);
    }
}
