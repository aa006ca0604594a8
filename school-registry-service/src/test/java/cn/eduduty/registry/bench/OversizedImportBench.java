package cn.eduduty.registry.bench;

import static cn.eduduty.testsupport.Api.COUNTY_EDITOR;
import static cn.eduduty.testsupport.Api.VIEWER;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import cn.eduduty.registry.RegistryFixtures;
import cn.eduduty.testsupport.Api;
import cn.eduduty.testsupport.BenchLoad;
import cn.eduduty.testsupport.BenchLoad.UnderAttack;
import cn.eduduty.testsupport.BenchTiming;
import cn.eduduty.testsupport.SuiteInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * How fast the registry refuses oversized imports, and whether a normal request suffers meanwhile
 * (not part of the test command; see bench/README.md). Baseline, measured in the same run: listing
 * a county's schools with nothing else going on. Then each refusal alone, then the listing again
 * while {@code bench.attackers} threads (default 2) send oversized imports without pause.
 */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
@Tag("bench")
class OversizedImportBench {

    /** Untimed calls before each median. */
    private static final int WARMUPS = 2;

    private static final String COUNTY = "960401";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final AtomicInteger KEYS = new AtomicInteger();

    /** Uploads from a file, which RestAssured streams (a byte array it would copy, for text/csv into a string). */
    static int importSchools(String contentType, File body) {
        return Api.as(COUNTY_EDITOR, COUNTY).header("Idempotency-Key", "bench-" + KEYS.incrementAndGet())
                .contentType(contentType).body(body).post("/api/v1/counties/" + COUNTY + "/imports/schools").statusCode();
    }

    static File file(byte[] content) throws IOException {
        return Files.write(tempFile(), content).toFile();
    }

    static Path tempFile() throws IOException {
        Path file = Files.createTempFile("oversized-import", ".bin");
        file.toFile().deleteOnExit();
        return file;
    }

    @Test
    void refusesOversizedImportsQuicklyAndNormalRequestsGoOn() throws Exception {
        int runs = Integer.getInteger("bench.runs", 11);
        int attackers = Integer.getInteger("bench.attackers", 2);
        RegistryFixtures.county(COUNTY, 1);

        // 1,000,001 rows (62 MB): within the 64 MiB bound of an upload, one row over the row bound
        Path csv = tempFile();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(csv))) {
            writeRepeated(out, "code,name,type,ownership,inclusive,townshipCentral,area,townshipCode,openedOn\n",
                    "9604010001,一小,PRIMARY,PUBLIC,,,URBAN,960401001,1990-09-01\n", 1_000_001);
        }
        File rows = csv.toFile();
        // a workbook whose shared strings inflate to 42 MB from a small upload
        File bomb = file(sharedStringsBomb());
        // 65 MiB: over the upload bound, refused from its Content-Length
        byte[] filler = new byte[65 * 1024 * 1024];
        Arrays.fill(filler, (byte) 'a');
        File tooLarge = file(filler);
        filler = null;
        System.out.printf("bench: uploads of %,d, %,d and %,d bytes%n", rows.length(), bomb.length(), tooLarge.length());

        IntSupplier normal = () -> Api.as(VIEWER, COUNTY).queryParam("region", COUNTY).get("/api/v1/schools").statusCode();
        long baseline = BenchTiming.median(WARMUPS, runs, normal, 200);
        long refuseRows = BenchTiming.median(WARMUPS, runs, () -> importSchools("text/csv", rows), 413);
        long refuseBomb = BenchTiming.median(WARMUPS, runs, () -> importSchools(XLSX, bomb), 413);
        long refuseBody = BenchTiming.median(WARMUPS, runs, () -> importSchools("text/csv", tooLarge), 413);

        UnderAttack underAttack = BenchLoad.during(attackers,
                which -> importSchools(which % 2 == 0 ? "text/csv" : XLSX, which % 2 == 0 ? rows : bomb), Set.of(413), 1000,
                () -> BenchTiming.median(WARMUPS, runs * 3, normal, 200));
        System.out.printf("bench: baseline (a county's schools listed) %d ms%n", baseline);
        report("refusing 1,000,001 rows of CSV, 62 MB (413, row bound)", refuseRows, baseline);
        report("refusing an XLSX whose shared strings inflate to 42 MB (413)", refuseBomb, baseline);
        report("refusing a 65 MiB upload (413, unread)", refuseBody, baseline);
        System.out.printf("bench: the schools listed while %d threads send oversized imports (%d refused) %d ms, %.2f x baseline%n",
                attackers, underAttack.refused(), underAttack.millis(), (double) underAttack.millis() / Math.max(1, baseline));
    }

    private static void report(String what, long ms, long baseline) {
        System.out.printf("bench: %s %d ms, %.1f x baseline%n", what, ms, (double) ms / Math.max(1, baseline));
    }

    /** Writes the header, then {@code row} {@code times} times, as UTF-8, without building the whole in memory. */
    static void writeRepeated(OutputStream out, String header, String row, int times) throws IOException {
        out.write(header.getBytes(StandardCharsets.UTF_8));
        byte[] one = row.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < times; i++) {
            out.write(one);
        }
    }

    static byte[] sharedStringsBomb() throws Exception {
        byte[] book;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.createSheet("表1").createRow(0).createCell(0).setCellValue("code");
            workbook.write(out);
            book = out.toByteArray();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(book)); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null;) {
                zip.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals("xl/sharedStrings.xml")) {
                    // unclosed: the bound is met long before the end
                    writeRepeated(zip, "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">",
                            "<si><t>x</t></si>", 2_500_000);
                } else {
                    in.transferTo(zip);
                }
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
