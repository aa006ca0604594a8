package cn.eduduty.indicator.selfevaluation;

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
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.eduduty.contracts.indicator.SelfEvaluationStatus;
import cn.eduduty.indicator.framework.IndicatorCode;
import cn.eduduty.indicator.selfevaluation.api.CreateSelfEvaluationRequest;
import cn.eduduty.indicator.selfevaluation.api.RatingChangeResponse;
import cn.eduduty.indicator.selfevaluation.api.RatingResponse;
import cn.eduduty.indicator.selfevaluation.api.RecordRatingRequest;
import cn.eduduty.indicator.selfevaluation.api.RecordSigningRequest;
import cn.eduduty.indicator.selfevaluation.api.ReturnRequest;
import cn.eduduty.indicator.selfevaluation.api.ReviewCommentResponse;
import cn.eduduty.indicator.selfevaluation.api.SelfEvaluationResponse;
import cn.eduduty.indicator.selfevaluation.api.SigningResponse;
import cn.eduduty.indicator.selfevaluation.api.SummaryResponse;
import cn.eduduty.runtime.security.Access;
import cn.eduduty.runtime.security.Roles;
import cn.eduduty.runtime.web.Page;
import cn.eduduty.runtime.web.PageRequest;
import cn.eduduty.runtime.web.Versions;

/**
 * A county's self-evaluation: the county (editors, system clients) rates and submits; the
 * prefecture's reviewers return or approve. Every write quotes the current ETag in If-Match.
 */
@Path("/api/v1/self-evaluations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Self-evaluations", description = "A county's ratings against a published framework, and their review")
public class SelfEvaluationResource {

    private static final String CODE_MESSAGE = "must look like 4.2.3";

    private final SelfEvaluationService service;
    private final Access access;

    SelfEvaluationResource(SelfEvaluationService service, Access access) {
        this.service = service;
        this.access = access;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.COUNTY_EDITOR, Roles.SYSTEM })
    @Operation(operationId = "createSelfEvaluation", summary = "Open a county's self-evaluation against a published framework")
    @APIResponse(responseCode = "201", description = "Created as DRAFT",
            content = @Content(schema = @Schema(implementation = SelfEvaluationResponse.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "RuleViolated")
    public Response create(@Valid @NotNull CreateSelfEvaluationRequest request) {
        access.requireWrite(request.regionCode());
        SelfEvaluationResponse created = service.create(request, access.principal());
        return Response.created(URI.create("/api/v1/self-evaluations/" + created.id())).entity(created)
                .tag(Versions.etag(created.version())).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.COUNTY_EDITOR, Roles.PREFECTURE_REVIEWER, Roles.VIEWER, Roles.SYSTEM })
    @Operation(operationId = "getSelfEvaluation", summary = "Get a self-evaluation and the workflow actions allowed now")
    @APIResponse(responseCode = "200", description = "The self-evaluation, with its version as ETag",
            content = @Content(schema = @Schema(implementation = SelfEvaluationResponse.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response get(@PathParam("id") UUID id) {
        return withEtag(service.get(id, access));
    }

    @GET
    @RolesAllowed({ Roles.COUNTY_EDITOR, Roles.PREFECTURE_REVIEWER, Roles.VIEWER, Roles.SYSTEM })
    @Operation(operationId = "listSelfEvaluations", summary = "List the self-evaluations of a region and the counties below it")
    @APIResponse(responseCode = "200", description = "One page of self-evaluations, newest year first")
    public Page<SelfEvaluationResponse> list(
            @QueryParam("region") @NotNull @Pattern(regexp = "^\\d{6}$", message = "must be a 6-digit GB/T 2260 code")
            @Parameter(description = "Region to list (itself and below)", required = true) String region,
            @QueryParam("year") @Min(2000) @Max(2100) @Parameter(description = "Year") Integer year,
            @QueryParam("status") @Parameter(description = "DRAFT, SUBMITTED, RETURNED or APPROVED") SelfEvaluationStatus status,
            @QueryParam("framework") @Parameter(description = "Framework id") UUID framework,
            @Valid @BeanParam PageRequest page) {
        access.requireRead(region);
        return service.list(region, year, status, framework, page);
    }

    @GET
    @Path("/{id}/ratings")
    @RolesAllowed({ Roles.COUNTY_EDITOR, Roles.PREFECTURE_REVIEWER, Roles.VIEWER, Roles.SYSTEM })
    @Operation(operationId = "listRatings", summary = "List the ratings recorded so far, by indicator code")
    @APIResponse(responseCode = "200", description = "The current rating of each rated indicator",
            content = @Content(schema = @Schema(implementation = RatingResponse.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public List<RatingResponse> ratings(@PathParam("id") UUID id) {
        return service.ratings(id, access);
    }

    @PUT
    @Path("/{id}/ratings/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.COUNTY_EDITOR, Roles.SYSTEM })
    @Operation(operationId = "recordRating", summary = "Rate a third-level indicator (If-Match: the self-evaluation's ETag)")
    @APIResponse(responseCode = "200", description = "The rating; the ETag is the self-evaluation's new version",
            content = @Content(schema = @Schema(implementation = RatingResponse.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "422", ref = "RuleViolated")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response rate(@PathParam("id") UUID id,
            @PathParam("code") @Pattern(regexp = IndicatorCode.PATTERN, message = CODE_MESSAGE) String code,
            @HeaderParam("If-Match") String ifMatch, @Valid @NotNull RecordRatingRequest request) {
        SelfEvaluationService.Recorded recorded = service.rate(id, code, request, ifMatch, access);
        return Response.ok(recorded.rating()).tag(Versions.etag(recorded.version())).build();
    }

    @GET
    @Path("/{id}/ratings/{code}/history")
    @RolesAllowed({ Roles.COUNTY_EDITOR, Roles.PREFECTURE_REVIEWER, Roles.VIEWER, Roles.SYSTEM })
    @Operation(operationId = "listRatingHistory", summary = "List every change of an indicator's rating")
    @APIResponse(responseCode = "200", description = "Oldest first",
            content = @Content(schema = @Schema(implementation = RatingChangeResponse.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public List<RatingChangeResponse> history(@PathParam("id") UUID id,
            @PathParam("code") @Pattern(regexp = IndicatorCode.PATTERN, message = CODE_MESSAGE) String code) {
        return service.history(id, code, access);
    }

    @PUT
    @Path("/{id}/signing")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.COUNTY_EDITOR, Roles.SYSTEM })
    @Operation(operationId = "recordSigning", summary = "Record what the county signs: authority, date, 经典做法, 改进措施 "
            + "(If-Match: the self-evaluation's ETag)")
    @APIResponse(responseCode = "200", description = "The choices as recorded; the ETag is the self-evaluation's new version",
            content = @Content(schema = @Schema(implementation = SigningResponse.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "422", ref = "RuleViolated")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response sign(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull RecordSigningRequest request) {
        SelfEvaluationService.Signed signed = service.sign(id, request, ifMatch, access);
        return Response.ok(signed.signing()).tag(Versions.etag(signed.version())).build();
    }

    @GET
    @Path("/{id}/summary")
    @RolesAllowed({ Roles.COUNTY_EDITOR, Roles.PREFECTURE_REVIEWER, Roles.VIEWER, Roles.SYSTEM })
    @Operation(operationId = "getRatingSummary", summary = "Summarise the ratings: counts, percentages, completeness")
    @APIResponse(responseCode = "200", description = "In total and per first-level area",
            content = @Content(schema = @Schema(implementation = SummaryResponse.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public SummaryResponse summary(@PathParam("id") UUID id) {
        return service.summary(id, access);
    }

    @POST
    @Path("/{id}/submission")
    @RolesAllowed({ Roles.COUNTY_EDITOR, Roles.SYSTEM })
    @Operation(operationId = "submitSelfEvaluation", summary = "Submit for review; refused while any indicator is unrated")
    @APIResponse(responseCode = "200", description = "SUBMITTED",
            content = @Content(schema = @Schema(implementation = SelfEvaluationResponse.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "422", ref = "RuleViolated")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response submit(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return withEtag(service.submit(id, ifMatch, access));
    }

    @POST
    @Path("/{id}/return")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.PREFECTURE_REVIEWER })
    @Operation(operationId = "returnSelfEvaluation", summary = "Return a submitted self-evaluation with comments per indicator")
    @APIResponse(responseCode = "200", description = "RETURNED",
            content = @Content(schema = @Schema(implementation = SelfEvaluationResponse.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response giveBack(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull ReturnRequest request) {
        return withEtag(service.giveBack(id, request, ifMatch, access));
    }

    @POST
    @Path("/{id}/approval")
    @RolesAllowed({ Roles.PREFECTURE_REVIEWER })
    @Operation(operationId = "approveSelfEvaluation", summary = "Approve a submitted self-evaluation, freezing it")
    @APIResponse(responseCode = "200", description = "APPROVED",
            content = @Content(schema = @Schema(implementation = SelfEvaluationResponse.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response approve(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return withEtag(service.approve(id, ifMatch, access));
    }

    @GET
    @Path("/{id}/comments")
    @RolesAllowed({ Roles.COUNTY_EDITOR, Roles.PREFECTURE_REVIEWER, Roles.VIEWER, Roles.SYSTEM })
    @Operation(operationId = "listReviewComments", summary = "List the reviewers' comments of every return")
    @APIResponse(responseCode = "200", description = "Oldest first",
            content = @Content(schema = @Schema(implementation = ReviewCommentResponse.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public List<ReviewCommentResponse> comments(@PathParam("id") UUID id) {
        return service.comments(id, access);
    }

    private static Response withEtag(SelfEvaluationResponse s) {
        return Response.ok(s).tag(Versions.etag(s.version())).build();
    }
}
