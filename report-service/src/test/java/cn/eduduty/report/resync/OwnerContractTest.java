package cn.eduduty.report.resync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Resync's typed clients read only what the owners publish: each client against its owner's
 * OpenAPI document, so a field or query parameter the owner renames, or a DTO field misspelt here,
 * fails the build. The documents checked are the copies in {@code src/test/resources/owners/}
 * (what resync was written against) and, when the build produced them (the full build packages
 * the owners before report-service), the owners' own {@code target/openapi/openapi.yaml}; see
 * docs/decisions-resync.md.
 */
class OwnerContractTest {

    @ParameterizedTest(name = "{0} reads only what {1} publishes")
    @CsvSource({
        "cn.eduduty.report.resync.IndicatorClient, indicator-service",
        "cn.eduduty.report.resync.RegistryClient, school-registry-service",
        "cn.eduduty.report.resync.FundingClient, funding-service"})
    void aClientReadsOnlyWhatItsOwnerPublishes(Class<?> client, String owner) throws IOException {
        List<String> defects = new ArrayList<>();
        for (String document : documents(owner)) {
            defects.addAll(OwnerContract.of(owner, document).defects(client));
        }
        assertThat(defects).isEmpty();
    }

    /** The committed copy, and the owner's freshly built document when there is one. */
    private static List<String> documents(String owner) throws IOException {
        List<String> documents = new ArrayList<>();
        try (InputStream copy = OwnerContractTest.class.getResourceAsStream("/owners/" + owner + ".yaml")) {
            assertThat(copy).as("copy of " + owner + "'s document").isNotNull();
            documents.add(new String(copy.readAllBytes(), StandardCharsets.UTF_8));
        }
        var built = Paths.get("..", owner, "target", "openapi", "openapi.yaml");
        if (Files.isRegularFile(built)) {
            documents.add(Files.readString(built));
        }
        return documents;
    }

    /** A client as it would read funding-service's postings with names funding-service does not use. */
    @Path("/api/v1/counties/{county}")
    interface Misnamed {

        @GET
        @Path("/postings")
        Page<Posting> postings(@PathParam("county") String county, @QueryParam("year") int year);

        @GET
        @Path("/ledger")
        Page<Posting> ledger(@PathParam("county") String county);

        record Posting(String voucherNo, List<Line> lines, int bookingDate) {

            record Line(String accountCode, String debitAmount) {
            }
        }
    }

    @Test
    void aNameOrTypeTheOwnerDoesNotPublishIsADefect() throws IOException {
        List<String> defects = OwnerContract.of("funding-service", documents("funding-service").get(0))
                .defects(Misnamed.class);

        assertThat(defects).anySatisfy(d -> assertThat(d).contains("Posting.voucherNo: no such property"))
                .anySatisfy(d -> assertThat(d).contains("Line.debitAmount: no such property"))
                .anySatisfy(d -> assertThat(d).contains("Posting.bookingDate: int (integer), but"))
                .anySatisfy(d -> assertThat(d).contains("takes no query parameter year"))
                .anySatisfy(d -> assertThat(d).contains("GET /api/v1/counties/{county}/ledger").contains("no such operation"))
                .hasSize(5);
    }
}
