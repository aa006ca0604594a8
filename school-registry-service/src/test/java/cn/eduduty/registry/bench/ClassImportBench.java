package cn.eduduty.registry.bench;

import static cn.eduduty.testsupport.Api.COUNTY_EDITOR;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import cn.eduduty.registry.RegistryFixtures;
import cn.eduduty.testsupport.Api;
import cn.eduduty.testsupport.SuiteInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * Bulk import of class rosters at scale (not part of the test command; see bench/README.md).
 * Imports {@code bench.rows} class rows (default 1,000,000) through the HTTP API, {@code bench.runs}
 * times, against two floors measured in the same run: the same rows loaded by PostgreSQL's COPY
 * (the fastest bare load) and by a bare JDBC batch insert, both into a scratch copy of the import's
 * table ({@code school_class}, its keys and indexes), with no checking or events.
 */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
@Tag("bench")
class ClassImportBench {

    private static final String COUNTY = "960101";
    private static final int CLASSES_PER_SCHOOL = 50;
    /** The class rows of the county's schools in the imported school year. */
    private static final String CLASSES_OF_COUNTY = "FROM school_class WHERE school_year = 2025 AND school_code IN "
            + "(SELECT code FROM school WHERE county_code = '" + COUNTY + "')";
    private static final RestAssuredConfig LONG_REQUESTS = RestAssured.config()
            .httpClient(HttpClientConfig.httpClientConfig()
                    .setParam("http.socket.timeout", 1_800_000).setParam("http.connection.timeout", 60_000));

    @Test
    void importsAMillionClassRowsStreaming() throws Exception {
        int rows = Integer.getInteger("bench.rows", 1_000_000);
        int runs = Integer.getInteger("bench.runs", 3);
        int schools = (rows + CLASSES_PER_SCHOOL - 1) / CLASSES_PER_SCHOOL;
        RegistryFixtures.county(COUNTY, 10);

        // the schools are set up by SQL: registering 20,000 schools is not what is measured here
        try (Connection c = DriverManager.getConnection(SuiteInfrastructure.jdbcUrl(), "postgres", "")) {
            c.createStatement().execute("""
                    INSERT INTO school (code, name, type, ownership, area, township_code, county_code, opened_on,
                                        created_by, updated_by)
                    SELECT '2196' || lpad(g::text, 6, '0'), '学校' || g, 'PRIMARY', 'PUBLIC', 'RURAL',
                           '%1$s' || lpad((1 + g %% 10)::text, 3, '0'), '%1$s', DATE '2000-09-01', 'bench', 'bench'
                    FROM generate_series(0, %2$d) g ON CONFLICT DO NOTHING""".formatted(COUNTY, schools - 1));
        }

        Path classSheet = Files.createTempFile("bench-classes", ".csv");
        Random random = new Random(7);
        long students = 0;
        try (BufferedWriter out = Files.newBufferedWriter(classSheet)) {
            out.write("schoolCode,schoolYear,stage,grade,students,commonLanguage\n");
            for (int r = 0; r < rows; r++) {
                int size = 25 + random.nextInt(40);
                students += size;
                out.write(String.format("2196%06d,2025,PRIMARY,%d,%d,true%n", r / CLASSES_PER_SCHOOL, 1 + random.nextInt(6),
                        size));
            }
        }
        System.out.printf("bench: %d class rows of %d schools, sheet %.1f MB%n", rows, schools,
                Files.size(classSheet) / 1e6);

        List<Long> imports = new ArrayList<>();
        List<Long> baselines = new ArrayList<>();
        List<Long> unlogged = new ArrayList<>();
        List<Long> copies = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            long outboxBefore = outboxEnd();
            resetPeaks();
            long start = System.nanoTime();
            ExtractableResponse<Response> summary = Api.as(COUNTY_EDITOR, COUNTY).config(LONG_REQUESTS)
                    .header("Idempotency-Key", "bench-classes-" + run + "-" + System.nanoTime())
                    .contentType("text/csv").body(classSheet.toFile())
                    .post("/api/v1/counties/" + COUNTY + "/imports/classes").then().statusCode(201).extract();
            imports.add((System.nanoTime() - start) / 1_000_000);
            long peak = heapPeak();
            // what the run produced: every row, every student, one school year and one event per school
            assertThat(summary.jsonPath().getLong("rows")).as("rows read").isEqualTo(rows);
            assertThat(summary.jsonPath().getLong("schoolYearsReplaced")).as("school years replaced").isEqualTo(schools);
            assertThat(count("SELECT count(*) " + CLASSES_OF_COUNTY))
                    .as("class rows stored").isEqualTo(rows);
            assertThat(count("SELECT sum(students) " + CLASSES_OF_COUNTY))
                    .as("students stored").isEqualTo(students);
            assertThat(count("SELECT count(*) FROM outbox WHERE seq > " + outboxBefore + " AND region_code = '" + COUNTY
                    + "' AND type = 'registry.school-year.replaced'")).as("events written to the outbox").isEqualTo(schools);
            assertThat(count("SELECT count(*) FROM outbox WHERE seq > " + outboxBefore)).as("events of the run")
                    .isEqualTo(schools);
            baselines.add(baseline(classSheet, false));
            assertThat(count("SELECT count(*) FROM bench_class")).as("rows inserted").isEqualTo(rows);
            unlogged.add(baseline(classSheet, true));
            assertThat(count("SELECT count(*) FROM bench_class_unlogged")).as("rows inserted, UNLOGGED").isEqualTo(rows);
            copies.add(copy(classSheet));
            assertThat(count("SELECT count(*) FROM bench_class")).as("rows copied").isEqualTo(rows);
            System.out.printf("bench: run %d import %d ms (peak heap %d MB), batch insert %d ms, batch insert into UNLOGGED"
                    + " table without keys %d ms, COPY %d ms%n", run + 1, imports.get(run), peak / (1 << 20),
                    baselines.get(run), unlogged.get(run), copies.get(run));
        }
        // and the events reach Kafka: the relay marks every one sent
        awaitSent(Duration.ofMinutes(10));
        long importMedian = median(imports);
        long baselineMedian = median(baselines);
        long unloggedMedian = median(unlogged);
        long copyMedian = median(copies);
        System.out.printf("bench: median import %d ms, median batch insert %d ms (ratio %.2f), median batch insert into"
                + " UNLOGGED table without keys %d ms (ratio %.2f), median COPY %d ms (ratio %.2f)%n",
                importMedian, baselineMedian, (double) importMedian / baselineMedian, unloggedMedian,
                (double) importMedian / unloggedMedian, copyMedian, (double) importMedian / copyMedian);
    }

    /** The last outbox sequence number so far. */
    private static long outboxEnd() throws Exception {
        return count("SELECT coalesce(max(seq), 0) FROM outbox");
    }

    private static long count(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(SuiteInfrastructure.jdbcUrl(), "postgres", "");
                ResultSet r = c.createStatement().executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    /** Waits until the relay has sent every outbox row of the county. */
    private static void awaitSent(Duration within) throws Exception {
        Instant deadline = Instant.now().plus(within);
        String unsent = "SELECT count(*) FROM outbox WHERE region_code = '" + COUNTY + "' AND sent_at IS NULL";
        while (count(unsent) > 0) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(count(unsent) + " events of the import not sent to Kafka within " + within);
            }
            Thread.sleep(500);
        }
    }

    /** A scratch table shaped like the import's: its columns, keys and indexes, no triggers or foreign keys. */
    private static void scratchTable(Connection c) throws Exception {
        c.createStatement().execute("DROP TABLE IF EXISTS bench_class");
        c.createStatement().execute("CREATE TABLE bench_class (LIKE school_class INCLUDING DEFAULTS INCLUDING INDEXES)");
    }

    /** An UNLOGGED table of the import's columns without keys or indexes: no write-ahead log, nothing to check. */
    private static void unloggedTable(Connection c) throws Exception {
        c.createStatement().execute("DROP TABLE IF EXISTS bench_class_unlogged");
        c.createStatement().execute("CREATE UNLOGGED TABLE bench_class_unlogged (school_code text, school_year int, "
                + "class_no int, stage text, grade int, students int, common_language boolean)");
    }

    /**
     * The same rows loaded by COPY FROM STDIN, numbered per school as the import numbers them: the
     * fastest bare load PostgreSQL offers, the floor the import is held against.
     */
    private static long copy(Path sheet) throws Exception {
        try (Connection c = DriverManager.getConnection(SuiteInfrastructure.jdbcUrl(), "postgres", "")) {
            scratchTable(c);
            long start = System.nanoTime();
            c.setAutoCommit(false);
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            try (Stream<String> lines = Files.lines(sheet)) {
                Iterator<String> rows = lines.skip(1).iterator();
                String[] last = { "" };
                int[] classNo = { 0 };
                Reader reader = new Reader() {
                    private String pending = "";
                    private int at;

                    @Override
                    public int read(char[] buffer, int offset, int length) {
                        while (at == pending.length()) {
                            if (!rows.hasNext()) {
                                return -1;
                            }
                            String[] cells = rows.next().split(",");
                            classNo[0] = cells[0].equals(last[0]) ? classNo[0] + 1 : 1;
                            last[0] = cells[0];
                            pending = cells[0] + "," + cells[1] + "," + classNo[0] + "," + cells[2] + "," + cells[3] + ","
                                    + cells[4] + "," + cells[5] + "\n";
                            at = 0;
                        }
                        int n = Math.min(length, pending.length() - at);
                        pending.getChars(at, at + n, buffer, offset);
                        at += n;
                        return n;
                    }

                    @Override
                    public void close() {
                    }
                };
                copy.copyIn("COPY bench_class (school_code, school_year, class_no, stage, grade, students, common_language) "
                        + "FROM STDIN WITH (FORMAT csv)", reader, 1 << 16);
            }
            c.commit();
            return (System.nanoTime() - start) / 1_000_000;
        }
    }

    /**
     * The same rows written by a bare JDBC batch insert into {@code bench_class} (the scratch copy of
     * the import's table) or into {@code bench_class_unlogged}.
     */
    private static long baseline(Path sheet, boolean intoUnlogged) throws Exception {
        String table = intoUnlogged ? "bench_class_unlogged" : "bench_class";
        try (Connection c = DriverManager.getConnection(SuiteInfrastructure.jdbcUrl(), "postgres", "")) {
            if (intoUnlogged) {
                unloggedTable(c);
            } else {
                scratchTable(c);
            }
            long start = System.nanoTime();
            c.setAutoCommit(false);
            try (Stream<String> lines = Files.lines(sheet); PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO " + table + " (school_code, school_year, class_no, stage, grade, students, common_language) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                int[] n = { 0 };
                int[] classNo = { 0 };
                String[] last = { "" };
                lines.skip(1).forEach(line -> {
                    String[] cells = line.split(",");
                    try {
                        classNo[0] = cells[0].equals(last[0]) ? classNo[0] + 1 : 1;
                        last[0] = cells[0];
                        insert.setString(1, cells[0]);
                        insert.setInt(2, Integer.parseInt(cells[1]));
                        insert.setInt(3, classNo[0]);
                        insert.setString(4, cells[2]);
                        insert.setInt(5, Integer.parseInt(cells[3]));
                        insert.setInt(6, Integer.parseInt(cells[4]));
                        insert.setBoolean(7, Boolean.parseBoolean(cells[5]));
                        insert.addBatch();
                        if (++n[0] % 1000 == 0) {
                            insert.executeBatch();
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                insert.executeBatch();
            }
            c.commit();
            return (System.nanoTime() - start) / 1_000_000;
        }
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    private static long heapPeak() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
