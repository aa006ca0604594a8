package cn.eduduty.report.snapshot;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.eduduty.contracts.report.ReportKind;
import cn.eduduty.report.ratelimit.GenerationRateLimit;
import cn.eduduty.report.render.Format;
import cn.eduduty.report.render.Renderers;
import cn.eduduty.report.snapshot.api.GenerateReportRequest;
import cn.eduduty.report.snapshot.api.ReportResponse;
import cn.eduduty.runtime.problem.ProblemException;
import cn.eduduty.runtime.security.Access;
import cn.eduduty.runtime.security.Roles;
import cn.eduduty.runtime.web.Downloads;
import cn.eduduty.runtime.web.Page;
import cn.eduduty.runtime.web.PageRequest;

/**
 * Report snapshots: generate one (stored, immutable, announced), list them, fetch one in a format
 * chosen by {@code format} or {@code Accept}, or preview a report without storing it.
 */
@Path("/api/v1/reports")
@Tag(name = "Reports", description = "Self-evaluation reports and prefecture and province roll-ups as immutable snapshots")
public class ReportResource {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String MARKDOWN = "text/markdown";
    static final String PDF = "application/pdf";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String FORMAT_DESCRIPTION = "html, docx, pdf, markdown, json or xlsx (the figures, rules and "
            + "checks as an Excel workbook: sheets 数据, 规则, 核查, and 下级地区 for a roll-up); overrides Accept (default json)";

    private final ReportGenerator generator;
    private final SnapshotStore store;
    private final Access access;
    private final GenerationRateLimit rateLimit;

    ReportResource(ReportGenerator generator, SnapshotStore store, Access access, GenerationRateLimit rateLimit) {
        this.generator = generator;
        this.store = store;
        this.access = access;
        this.rateLimit = rateLimit;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.COUNTY_EDITOR, Roles.PREFECTURE_REVIEWER, Roles.SYSTEM })
    @Operation(operationId = "generateReport", summary = "Generate and store a report snapshot of a county, a prefecture or a province")
    @APIResponse(responseCode = "201", description = "Stored; Location is the snapshot",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportResponse.class)))
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public Response generate(@Valid @NotNull GenerateReportRequest request) {
        access.require(request.region(), "generate reports for", Roles.COUNTY_EDITOR, Roles.PREFECTURE_REVIEWER,
                Roles.SYSTEM);
        rateLimit.acquire(access);
        SnapshotStore.Stored stored = generator.generate(request.region(), request.year(), request.kindOrDefault(),
                "ON_DEMAND", null, access.principal(), request.options());
        return Response.created(URI.create("/api/v1/reports/" + stored.id())).entity(response(stored)).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.COUNTY_EDITOR, Roles.PREFECTURE_REVIEWER, Roles.VIEWER, Roles.SYSTEM })
    @Operation(operationId = "listReports", summary = "List the snapshots of a region and the regions below it, newest first")
    @APIResponse(responseCode = "200", description = "One page of snapshots (without their content)")
    public Page<ReportResponse> list(
            @QueryParam("region") @NotNull @Pattern(regexp = "^\\d{6}$", message = "must be a 6-digit GB/T 2260 code")
            @Parameter(description = "County, prefecture or province", required = true) String region,
            @QueryParam("year") @Min(2000) @Max(2100) @Parameter(description = "Report year") Integer year,
            @QueryParam("kind") @Pattern(regexp = "^(DRAFT|FINAL)$", message = "must be DRAFT or FINAL")
            @Parameter(description = "DRAFT or FINAL") String kind,
            @Valid @BeanParam PageRequest page) {
        access.requireRead(region);
        List<ReportResponse> items = store.list(region, year, kind, page.offset(), page.size()).stream()
                .map(ReportResource::response).toList();
        return Page.of(items, page, store.count(region, year, kind));
    }

    @GET
    @Path("/{id}")
    @Produces({ MediaType.APPLICATION_JSON, MediaType.TEXT_HTML, DOCX, PDF, MARKDOWN, XLSX })
    @RolesAllowed({ Roles.COUNTY_EDITOR, Roles.PREFECTURE_REVIEWER, Roles.VIEWER, Roles.SYSTEM })
    @Operation(operationId = "getReport", summary = "Fetch a snapshot as HTML, Word, PDF, Markdown, JSON or Excel",
            description = "The same snapshot renders to the same bytes every time. JSON is the snapshot itself: "
                    + "every figure with formula, inputs, sources and as-of position, the checks and the document.")
    @APIResponse(responseCode = "200", description = "The report in the asked format", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportContent.class)),
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = DOCX, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = MARKDOWN, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")) })
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public Response get(@PathParam("id") UUID id,
            @QueryParam("format") @Parameter(description = FORMAT_DESCRIPTION, schema = @Schema(type = SchemaType.STRING,
                    enumeration = { "html", "docx", "pdf", "markdown", "md", "json", "xlsx" })) String format,
            @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        SnapshotStore.Stored stored = store.find(id).orElseThrow(() -> ProblemException.notFound("Report", id));
        access.requireReadOrHide(stored.region(), () -> ProblemException.notFound("Report", id));
        Format chosen = choose(format, accept);
        if (chosen == Format.PDF || chosen == Format.DOCX || chosen == Format.XLSX) {
            rateLimit.acquire(access); // the costly renderings; the stored JSON, HTML and Markdown are cheap
        }
        ReportContent content = ReportJson.read(stored.content());
        byte[] body = Renderers.render(content, stored.content(), chosen, stored.id().toString());
        return document(body, chosen, content.regionName() + "-" + stored.year() + "-" + stored.kind())
                .tag(stored.contentHash() + "-" + chosen.extension()).build();
    }

    @GET
    @Path("/preview")
    @Produces({ MediaType.APPLICATION_JSON, MediaType.TEXT_HTML, DOCX, PDF, MARKDOWN, XLSX })
    @RolesAllowed({ Roles.COUNTY_EDITOR, Roles.PREFECTURE_REVIEWER, Roles.VIEWER, Roles.SYSTEM })
    @Operation(operationId = "previewReport", summary = "Compose a report from the current data without storing it")
    @APIResponse(responseCode = "200", description = "The report as it would be generated now", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportContent.class)),
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = DOCX, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = MARKDOWN, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")) })
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public Response preview(
            @QueryParam("region") @NotNull @Pattern(regexp = "^\\d{6}$", message = "must be a 6-digit GB/T 2260 code")
            @Parameter(description = "County, prefecture or province", required = true) String region,
            @QueryParam("year") @NotNull @Min(2000) @Max(2100) @Parameter(description = "Report year", required = true)
            Integer year,
            @QueryParam("format") @Parameter(description = FORMAT_DESCRIPTION, schema = @Schema(type = SchemaType.STRING,
                    enumeration = { "html", "docx", "pdf", "markdown", "md", "json", "xlsx" })) String format,
            @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        access.requireRead(region);
        Format chosen = choose(format, accept);
        rateLimit.acquire(access);
        ReportContent content = generator.compose(region, year, ReportKind.DRAFT.name(), access.principal(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS), ReportOptions.DEFAULTS);
        String json = ReportJson.write(content);
        byte[] body = Renderers.render(content, json, chosen, ReportJson.hash(json));
        return document(body, chosen, content.regionName() + "-" + year + "-preview").build();
    }

    private static Format choose(String format, String accept) {
        if (format != null && !format.isBlank()) {
            return Format.parse(format).orElseThrow(() -> ProblemException.invalid("format",
                    "must be one of html, docx, pdf, markdown, json, xlsx"));
        }
        return Format.fromAccept(accept).orElse(Format.JSON);
    }

    private static Response.ResponseBuilder document(byte[] body, Format format, String name) {
        String disposition = Downloads.disposition(format == Format.DOCX || format == Format.XLSX || format == Format.MARKDOWN,
                "report." + format.extension(), name + "." + format.extension());
        // the same URL answers different formats by Accept
        return Response.ok(body, format.mediaType()).header("Content-Disposition", disposition).header("Vary", "Accept");
    }

    static ReportResponse response(SnapshotStore.Stored s) {
        Map<String, String> links = new LinkedHashMap<>();
        for (Format f : Format.values()) {
            links.put(f.name().toLowerCase(), "/api/v1/reports/" + s.id() + "?format=" + f.name().toLowerCase());
        }
        return new ReportResponse(s.id(), s.region(), s.regionName(), s.year(), s.kind(), s.trigger(), s.deadlineId(),
                s.frameworkId(), s.contentHash(), s.checksFailed(), s.generatedAt(), s.generatedBy(), links);
    }
}
