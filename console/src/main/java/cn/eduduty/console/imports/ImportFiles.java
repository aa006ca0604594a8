package cn.eduduty.console.imports;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * school-registry-service's import operations with their bytes as bytes: the generated
 * {@code BulkImportApi} types the upload's body as a string and the template as a temporary file,
 * which an XLSX does not survive. Same paths, parameters and media types as the document says
 * ({@code ImportFilesContractTest} checks them against it); answers come back as they are, for the
 * caller to stream or to read as the generated {@code ImportSummary} / {@code Problem}.
 */
@RegisterRestClient(configKey = "registry")
@Path("/api/v1")
public interface ImportFiles {

    String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @GET
    @Path("/imports/{kind}/template")
    @Produces({ XLSX, "application/problem+json" })
    Response template(@PathParam("kind") String kind);

    @POST
    @Path("/counties/{county}/imports/{kind}")
    @Consumes(XLSX)
    @Produces({ "application/json", "application/problem+json" })
    Response importXlsx(@PathParam("county") String county, @PathParam("kind") String kind,
            @HeaderParam("Idempotency-Key") String idempotencyKey, byte[] body);

    @POST
    @Path("/counties/{county}/imports/{kind}")
    @Consumes("text/csv")
    @Produces({ "application/json", "application/problem+json" })
    Response importCsv(@PathParam("county") String county, @PathParam("kind") String kind,
            @HeaderParam("Idempotency-Key") String idempotencyKey, byte[] body);
}
