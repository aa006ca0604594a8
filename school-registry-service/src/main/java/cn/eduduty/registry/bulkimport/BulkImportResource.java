package cn.eduduty.registry.bulkimport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.eduduty.runtime.problem.ProblemException;
import cn.eduduty.runtime.security.Access;
import cn.eduduty.runtime.security.RegionCode;
import cn.eduduty.runtime.security.Roles;
import cn.eduduty.runtime.web.BodyLimits;

/**
 * Bulk import of a county's annual statistics forms as CSV or XLSX. The upload is spooled to a
 * temporary file (memory stays flat), then imported all or nothing under its idempotency key.
 */
@Path("/api/v1/counties/{county}/imports/{kind}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = BulkImportResource.TAG, description = BulkImportResource.TAG_DESCRIPTION)
public class BulkImportResource {

    /** The imports' OpenAPI tag, shared with {@link ImportTemplateResource}. */
    static final String TAG = "Bulk import";
    static final String TAG_DESCRIPTION = "Schools, classes, enrolment, staff and the county's own facts from the annual "
            + "statistics forms";
    static final String CSV = "text/csv";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final BulkImportService service;
    private final Access access;
    private final ImportLimits limits;
    private final BodyLimits bodyLimits;

    BulkImportResource(BulkImportService service, Access access, ImportLimits limits, BodyLimits bodyLimits) {
        this.service = service;
        this.access = access;
        this.limits = limits;
        this.bodyLimits = bodyLimits;
    }

    @POST
    @Consumes({ CSV, XLSX })
    @RolesAllowed({ Roles.COUNTY_EDITOR, Roles.SYSTEM })
    @Operation(operationId = "importSheet", summary = "Import a sheet (CSV or XLSX) all or nothing; a repeated key changes nothing")
    @RequestBody(required = true, description = "Header row, then one row per school, class, grade, school staff or county year", content = {
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")) })
    @APIResponse(responseCode = "201", description = "Imported",
            content = @Content(schema = @Schema(implementation = ImportSummary.class)))
    @APIResponse(responseCode = "200", description = "This key was imported before with the same content: nothing changed",
            content = @Content(schema = @Schema(implementation = ImportSummary.class)))
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "ContentTooLarge")
    public Response importSheet(
            @PathParam("county") @Pattern(regexp = RegionCode.COUNTY_PATTERN, message = RegionCode.COUNTY_MESSAGE) String county,
            @PathParam("kind") @Pattern(regexp = "^(schools|classes|enrolment|staff|senior-entrance|teacher-recruitment|training-institutions)$",
                    message = "must be schools, classes, enrolment, staff, senior-entrance, teacher-recruitment or training-institutions")
            @Parameter(description = "schools, classes, enrolment, staff, or the county's own facts: senior-entrance, "
                    + "teacher-recruitment, training-institutions") String kind,
            @HeaderParam("Idempotency-Key") @Parameter(description = "Client-chosen key of this upload", required = true) String key,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) throws IOException {
        access.requireWrite(county);
        if (key == null || key.isBlank() || key.length() > 200) {
            throw ProblemException.invalid("Idempotency-Key", "a header of 1 to 200 characters is required");
        }
        boolean xlsx = contentType != null && contentType.startsWith(XLSX);
        java.nio.file.Path file = Files.createTempFile("eduduty-import-", xlsx ? ".xlsx" : ".csv");
        try {
            String hash = spool(body, file, bodyLimits.limitFor(contentType));
            BulkImportService.Upload upload = new BulkImportService.Upload() {
                @Override
                public String sha256() {
                    return hash;
                }

                @Override
                public RowSource rows() throws IOException {
                    return xlsx ? new XlsxRowSource(file, limits) : new CsvRowSource(Files.newInputStream(file), limits);
                }
            };
            // one pass through the sheet against its bounds before any database work, so that an
            // oversized or crafted sheet is refused in the time it takes to read up to the bound
            try (RowSource rows = upload.rows()) {
                rows.forEachRow((number, cells) -> {
                });
            } catch (IOException e) {
                throw ProblemException.invalid("body", e.getMessage());
            }
            ImportSummary summary = service.run(county, ImportKind.ofPath(kind), upload, key,
                    access.principal());
            return Response.status(summary.replayed() ? 200 : 201).entity(summary).build();
        } catch (ImportLimitExceeded e) {
            throw ProblemException.tooLarge("body", e.getMessage());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Copies the upload to the file, at most {@code limit} bytes of it (a body sent without a length too). */
    private static String spool(InputStream body, java.nio.file.Path file, long limit) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(body, digest); OutputStream out = Files.newOutputStream(file)) {
                byte[] buffer = new byte[1 << 16];
                long total = 0;
                for (int n; (n = in.read(buffer)) > 0;) {
                    total += n;
                    if (total > limit) {
                        throw ProblemException.tooLarge("body", "at most " + limit + " bytes");
                    }
                    out.write(buffer, 0, n);
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
