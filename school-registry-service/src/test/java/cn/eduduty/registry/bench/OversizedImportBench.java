package cn.eduduty.registry.bench;

import static cn.eduduty.testsupport.Api.COUNTY_EDITOR;
import static cn.eduduty.testsupport.Api.VIEWER;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
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
        Path file = Files.createTempFile("oversized-import", ".bin");
        file.toFile().deleteOnExit();
        return Files.write(file, content).toFile();
    }

    @Test
    void refusesOversizedImportsQuicklyAndNormalRequestsGoOn() throws Exception {
        int runs = Integer.getInteger("bench.runs", 11);
        int attackers = Integer.getInteger("bench.attackers", 2);
        RegistryFixtures.county(COUNTY, 1);

        // 1,000,001 rows (62 MB): within the 64 MiB bound of an upload, one row over the row bound
        File rows = file(repeated(
                "code,name,type,ownership,inclusive,townshipCentral,area,townshipCode,openedOn\n",
                "9604010001,一小,PRIMARY,PUBLIC,,,URBAN,960401001,1990-09-01\n", 1_000_001));
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

        AtomicBoolean attacking = new AtomicBoolean(true);
        AtomicInteger refused = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(attackers);
        List<Future<?>> running = new ArrayList<>();
        for (int a = 0; a < attackers; a++) {
            int which = a;
            running.add(pool.submit(() -> {
                while (attacking.get()) {
                    if (importSchools(which % 2 == 0 ? "text/csv" : XLSX, which % 2 == 0 ? rows : bomb) == 413) {
                        refused.incrementAndGet();
                    }
                }
            }));
        }
        Thread.sleep(1000);
        long underAttack;
        try {
            underAttack = BenchTiming.median(WARMUPS, runs * 3, normal, 200);
        } finally {
            attacking.set(false);
            for (Future<?> f : running) {
                f.get();
            }
            pool.shutdown();
        }
        System.out.printf("bench: baseline (a county's schools listed) %d ms%n", baseline);
        report("refusing 1,000,001 rows of CSV, 62 MB (413, row bound)", refuseRows, baseline);
        report("refusing an XLSX whose shared strings inflate to 42 MB (413)", refuseBomb, baseline);
        report("refusing a 65 MiB upload (413, unread)", refuseBody, baseline);
        System.out.printf("bench: the schools listed while %d threads send oversized imports (%d refused) %d ms, %.2f x baseline%n",
                attackers, refused.get(), underAttack, (double) underAttack / Math.max(1, baseline));
    }

    private static void report(String what, long ms, long baseline) {
        System.out.printf("bench: %s %d ms, %.1f x baseline%n", what, ms, (double) ms / Math.max(1, baseline));
    }

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

    static byte[] sharedStringsBomb() throws Exception {
        byte[] book;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.createSheet("表1").createRow(0).createCell(0).setCellValue("code");
            workbook.write(out);
            book = out.toByteArray();
        }
        byte[] strings = repeated("<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">",
                "<si><t>x</t></si>", 2_500_000); // unclosed: the bound is met long before the end
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(book)); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null;) {
                zip.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals("xl/sharedStrings.xml")) {
                    zip.write(strings);
                } else {
                    in.transferTo(zip);
                }
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
