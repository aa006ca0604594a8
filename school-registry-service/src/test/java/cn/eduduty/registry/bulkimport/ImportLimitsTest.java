package cn.eduduty.registry.bulkimport;

import static cn.eduduty.testsupport.Api.COUNTY_EDITOR;
import static cn.eduduty.testsupport.Api.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.eduduty.registry.RegistryFixtures;
import cn.eduduty.testsupport.Api;
import cn.eduduty.testsupport.SuiteInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * Crafted uploads are refused with 413 naming the bound, within seconds, before any database
 * work, and the service keeps answering: too many rows, a long cell, a cell far to the right, a
 * shared-strings part that inflates like a zip bomb, and JSON bodies over 1 MiB.
 */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class ImportLimitsTest {

    private static final String COUNTY = "950401";
    private static final String SCHOOLS_HEADER = "code,name,type,ownership,inclusive,townshipCentral,area,townshipCode,openedOn\n";

    @BeforeEach
    void county() {
        RegistryFixtures.county(COUNTY, 1);
    }

    /** Uploads from a file, which RestAssured streams (a byte array it would copy, for text/csv into a string). */
    static ExtractableResponse<Response> upload(String key, String contentType, byte[] body) {
        try {
            Path file = Files.createTempFile("import-limits", ".bin");
            try {
                Files.write(file, body);
                return Api.as(COUNTY_EDITOR, COUNTY).header("Idempotency-Key", key).contentType(contentType)
                        .body(file.toFile()).post("/api/v1/counties/" + COUNTY + "/imports/schools").then().extract();
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void assertRefusedQuickly(ExtractableResponse<Response> response, String detail) {
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.<String>path("type")).isEqualTo("urn:eduduty:problem:content-too-large");
        assertThat(response.<String>path("violations[0].field")).isEqualTo("body");
        assertThat(response.<String>path("detail")).contains(detail);
        assertThat(response.time()).isLessThan(10_000L);
    }

    void assertNothingStoredAndServiceLive() {
        Api.as(VIEWER, COUNTY).queryParam("region", COUNTY).get("/api/v1/schools").then().statusCode(200)
                .body("totalItems", equalTo(0));
    }

    @Test
    void refusesACsvOfMoreRowsThanTheBoundWithinSeconds() {
        byte[] sheet = repeated(SCHOOLS_HEADER, "9504010001,一小,PRIMARY,PUBLIC,,,URBAN,950401001,1990-09-01\n", 1_000_001);
        // a 62 MB upload: more than the 1 MiB JSON bound, within the 64 MiB bound of imports
        assertRefusedQuickly(upload("rows", "text/csv", sheet), "more than 1000000 rows");
        assertNothingStoredAndServiceLive();
    }

    @Test
    void refusesACsvCellOrRowBeyondItsBound() {
        assertRefusedQuickly(upload("cell", "text/csv", (SCHOOLS_HEADER + "9504010001," + "校".repeat(5_000)
                + ",PRIMARY,PUBLIC,,,URBAN,950401001,1990-09-01\n").getBytes(StandardCharsets.UTF_8)),
                "more than 1000 characters");
        assertRefusedQuickly(upload("quoted", "text/csv", (SCHOOLS_HEADER + "\"" + "\"\"".repeat(600_000) + "\"\n")
                .getBytes(StandardCharsets.UTF_8)), "more than 1000 characters");
        assertRefusedQuickly(upload("wide", "text/csv", (SCHOOLS_HEADER + ",".repeat(100_000) + "\n")
                .getBytes(StandardCharsets.UTF_8)), "more than 64 columns");
        assertNothingStoredAndServiceLive();
    }

    @Test
    void refusesAnXlsxCellFarToTheRightWithoutPaddingTheRow() throws IOException {
        byte[] book = withSheet(BulkImportTest.workbook(List.of(List.of("code"))), """
                <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
                <row r="1"><c r="A1" t="inlineStr"><is><t>code</t></is></c></row>
                <row r="2"><c r="XFD2" t="inlineStr"><is><t>x</t></is></c></row>
                </sheetData></worksheet>""");
        assertRefusedQuickly(upload("xfd", BulkImportResource.XLSX, book), "beyond the last column");
        assertNothingStoredAndServiceLive();
    }

    @Test
    void readsAnXlsxRowFarDownAsItsRowNumberOnly() throws IOException {
        byte[] book = withSheet(BulkImportTest.workbook(List.of(List.of("code"))), """
                <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
                <row r="1"><c r="A1" t="inlineStr"><is><t>code</t></is></c></row>
                <row r="1048576"><c r="A1048576" t="inlineStr"><is><t>9504010001</t></is></c></row>
                </sheetData></worksheet>""");
        ExtractableResponse<Response> answer = upload("far-down", BulkImportResource.XLSX, book);
        // judged on its content (required columns are missing), quickly, naming the row as a spreadsheet shows it
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.time()).isLessThan(10_000L);
        assertNothingStoredAndServiceLive();
    }

    @Test
    void refusesAnXlsxCellLongerThanTheBound() throws IOException {
        byte[] book = withSheet(BulkImportTest.workbook(List.of(List.of("code"))),
                "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                        + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>code</t></is></c></row>"
                        + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>" + "x".repeat(5_000_000) + "</t></is></c></row>"
                        + "</sheetData></worksheet>");
        assertRefusedQuickly(upload("long-cell", BulkImportResource.XLSX, book), "more than 1000 characters");
        assertNothingStoredAndServiceLive();
    }

    @Test
    void refusesAnXlsxWhoseSharedStringsInflateLikeAZipBomb() throws IOException {
        byte[] book = BulkImportTest.workbook(List.of(List.of("code"), List.of("9504010001")));
        byte[] strings = repeated("<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">",
                "<si><t>x</t></si>", 2_500_000); // unclosed: the bound is met long before the end
        byte[] bomb = replace(book, "xl/sharedStrings.xml", strings);
        assertThat(bomb.length).isLessThan(1_000_000); // 42 MB of XML in a small upload
        assertRefusedQuickly(upload("bomb", BulkImportResource.XLSX, bomb), "shared strings");
        assertNothingStoredAndServiceLive();
    }

    @Test
    void refusesAJsonBodyOverOneMebibyteWhileImportsMayBeLarger() {
        String body = "{\"name\":\"一小\"" + " ".repeat(1_100_000) + "}";
        Api.as(COUNTY_EDITOR, COUNTY).body(body).put("/api/v1/schools/9504010001").then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:eduduty:problem:content-too-large"));
        assertNothingStoredAndServiceLive();
    }

    @Test
    void boundsAJsonBodyWithoutOrWithAWildcardTypeAsJsonNotAsAnImport() {
        // Quarkus REST parses a body without a Content-Type (or */*) with the JSON method it reaches
        String body = "{\"name\":\"一小\"" + " ".repeat(2_000_000) + "}";
        for (String type : new String[] { null, "*/*", "application/*", "text/plain" }) {
            var request = Api.as(COUNTY_EDITOR, COUNTY).body(body.getBytes(StandardCharsets.UTF_8));
            request = type == null ? request.noContentType() : request.contentType(type);
            request.put("/api/v1/schools/2199010001").then().statusCode(413)
                    .contentType("application/problem+json");
        }
        assertNothingStoredAndServiceLive();
    }

    /** The header, then {@code row} {@code times} times, as UTF-8, built without an intermediate string. */
    static byte[] repeated(String header, String row, int times) {
        byte[] head = header.getBytes(StandardCharsets.UTF_8);
        byte[] one = row.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + one.length * times];
        System.arraycopy(head, 0, all, 0, head.length);
        for (int i = 0; i < times; i++) {
            System.arraycopy(one, 0, all, head.length + i * one.length, one.length);
        }
        return all;
    }

    static byte[] withSheet(byte[] xlsx, String sheetXml) throws IOException {
        return replace(xlsx, "xl/worksheets/sheet1.xml", sheetXml.getBytes(StandardCharsets.UTF_8));
    }

    /** The workbook with one part's content replaced (or added), everything else as it was. */
    static byte[] replace(byte[] xlsx, String name, byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean replaced = false;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx)); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null;) {
                zip.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals(name)) {
                    zip.write(content);
                    replaced = true;
                } else {
                    in.transferTo(zip);
                }
                zip.closeEntry();
            }
            if (!replaced) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(content);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
