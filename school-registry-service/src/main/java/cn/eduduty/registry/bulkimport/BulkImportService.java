package cn.eduduty.registry.bulkimport;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.eduduty.contracts.EventTypes;
import cn.eduduty.registry.countyfact.CountyFactService;
import cn.eduduty.registry.countyfact.api.SeniorEntranceRequest;
import cn.eduduty.registry.countyfact.api.TeacherRecruitmentRequest;
import cn.eduduty.registry.countyfact.api.TrainingInstitutionsRequest;
import cn.eduduty.registry.school.School;
import cn.eduduty.registry.school.SchoolRepository;
import cn.eduduty.registry.school.SchoolService;
import cn.eduduty.registry.school.api.SchoolRequest;
import cn.eduduty.registry.schoolyear.SchoolYearRules;
import cn.eduduty.registry.schoolyear.SchoolYearService;
import cn.eduduty.registry.schoolyear.SchoolYearStore;
import cn.eduduty.registry.schoolyear.api.SchoolYearResponse;
import cn.eduduty.runtime.outbox.Outbox;
import cn.eduduty.runtime.problem.Problem.Violation;
import cn.eduduty.runtime.problem.ProblemException;
import cn.eduduty.runtime.security.RegionCode;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Imports a county's sheet all or nothing. Rows are read one at a time and written in JDBC
 * batches inside one transaction; every row is checked and every error (row, column, message)
 * reported, and if there is any the transaction is rolled back. Memory holds the county's schools
 * and the set of (school, year) touched, never the rows. Events for what changed are published
 * through the outbox in batches of {@value #EVENT_BATCH} school years.
 */
@ApplicationScoped
class BulkImportService {

    static final int MAX_LISTED_ERRORS = 500;
    static final int JDBC_BATCH = 1000;
    static final int EVENT_BATCH = 200;
    static final List<String> SCHOOL_TYPES = java.util.Arrays.stream(cn.eduduty.formulas.registry.SchoolType.values())
            .map(Enum::name).toList();

    private final EntityManager em;
    private final SchoolRepository schools;
    private final SchoolService schoolService;
    private final SchoolYearStore years;
    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final CountyFactService countyFacts;

    BulkImportService(EntityManager em, SchoolRepository schools, SchoolService schoolService, SchoolYearStore years,
            Outbox outbox, ObjectMapper mapper, CountyFactService countyFacts) {
        this.countyFacts = countyFacts;
        this.em = em;
        this.schools = schools;
        this.schoolService = schoolService;
        this.years = years;
        this.outbox = outbox;
        this.mapper = mapper;
    }

    /** Imports the spooled upload once per idempotency key: a replay returns the first summary. */
    ImportSummary run(String county, ImportKind kind, Upload upload, String key, String principal) {
        return QuarkusTransaction.requiringNew().timeout(3600).call(() -> {
            em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(:k))")
                    .setParameter("k", "import:" + county + ":" + key).getSingleResult();
            ImportSummary previous = previous(county, key, kind, upload.sha256());
            if (previous != null) {
                return previous;
            }
            ImportSummary summary;
            try (RowSource rows = upload.rows()) {
                summary = new Run(county, kind, principal).execute(rows);
            } catch (IOException e) {
                throw ProblemException.invalid("body", e.getMessage());
            }
            em.createNativeQuery("""
                    INSERT INTO import_run (region_code, idempotency_key, kind, content_hash, rows, summary, imported_by)
                    VALUES (:r, :k, :kind, :h, :rows, CAST(:s AS jsonb), :by)""")
                    .setParameter("r", county).setParameter("k", key).setParameter("kind", kind.name())
                    .setParameter("h", upload.sha256()).setParameter("rows", (int) summary.rows())
                    .setParameter("s", json(summary)).setParameter("by", principal).executeUpdate();
            return summary;
        });
    }

    /** An upload spooled to a file, with its content hash. */
    interface Upload {
        String sha256();

        RowSource rows() throws IOException;
    }

    private ImportSummary previous(String county, String key, ImportKind kind, String hash) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "SELECT content_hash, summary::text, kind FROM import_run WHERE region_code = :r AND idempotency_key = :k")
                .setParameter("r", county).setParameter("k", key).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        if (!hash.equals(rows.get(0)[0]) || !kind.name().equals(rows.get(0)[2])) {
            throw ProblemException.conflict("Idempotency key " + key + " was used for a different upload");
        }
        try {
            ImportSummary stored = mapper.readValue((String) rows.get(0)[1], ImportSummary.class);
            return new ImportSummary(stored.kind(), stored.rows(), stored.schoolsRegistered(), stored.schoolsUpdated(),
                    stored.schoolYearsReplaced(), stored.countyYearsRecorded(), true);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String json(ImportSummary summary) {
        try {
            return mapper.writeValueAsString(summary);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One import: state of a single pass over the rows. */
    private final class Run {
        private final String county;
        private final ImportKind kind;
        private final String principal;
        private final Map<String, School> countySchools = new HashMap<>();
        private final List<Violation> errors = new ArrayList<>();
        private long errorCount;
        private long rows;
        private long registered;
        private long updated;
        private Map<String, Integer> columns;
        /** (school, year) touched, with the next class number of each. */
        private final Map<String, Integer> touched = new LinkedHashMap<>();
        private final Set<String> seenStaff = new LinkedHashSet<>();
        private final Set<String> seenFlows = new java.util.HashSet<>();
        /** The county's years recorded by a county-fact sheet. */
        private final Set<Integer> countyYears = new LinkedHashSet<>();
        private final Connection connection;
        private PreparedStatement classInsert;
        private PreparedStatement flowInsert;
        private int pending;

        Run(String county, ImportKind kind, String principal) {
            this.county = county;
            this.kind = kind;
            this.principal = principal;
            schools.within(county).forEach(s -> countySchools.put(s.code(), s));
            // read-only from here: detached, so Hibernate does not dirty-check thousands of schools
            // before each of the import's native statements
            em.clear();
            this.connection = em.unwrap(Session.class).doReturningWork(c -> c);
        }

        ImportSummary execute(RowSource source) throws IOException {
            source.forEachRow(this::row);
            if (columns == null) {
                error(1, "", "the sheet is empty: a header row is required");
            }
            if (errorCount == 0) {
                flush();
            }
            closeStatements();
            if (errorCount > 0) {
                List<Violation> listed = List.copyOf(errors);
                throw new ProblemException(cn.eduduty.runtime.problem.ProblemType.INVALID_REQUEST,
                        errorCount + " error(s) in the sheet" + (errorCount > listed.size() ? "; the first "
                                + listed.size() + " are listed" : "") + "; nothing was stored", listed);
            }
            publishSchoolYears();
            boolean schoolYears = List.of(ImportKind.CLASSES, ImportKind.ENROLMENT, ImportKind.STAFF).contains(kind);
            return new ImportSummary(kind.path(), rows, registered, updated, schoolYears ? touched.size() : 0,
                    countyYears.size(), false);
        }

        private void row(int number, List<String> cells) {
            if (columns == null) {
                header(number, cells);
                return;
            }
            if (cells.stream().allMatch(String::isBlank)) {
                return;
            }
            rows++;
            Row row = new Row(number, cells);
            try {
                switch (kind) {
                    case SCHOOLS -> school(row);
                    case CLASSES -> classRow(row);
                    case ENROLMENT -> flowRow(row);
                    case STAFF -> staffRow(row);
                    case SENIOR_ENTRANCE -> seniorEntranceRow(row);
                    case TEACHER_RECRUITMENT -> teacherRecruitmentRow(row);
                    case TRAINING_INSTITUTIONS -> trainingInstitutionsRow(row);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("import failed at row " + number, e);
            }
        }

        private void header(int number, List<String> cells) {
            columns = new HashMap<>();
            for (int c = 0; c < cells.size(); c++) {
                String name = cells.get(c).trim();
                String known = kind.columns.stream().filter(k -> k.equalsIgnoreCase(name)).findFirst().orElse(null);
                if (known == null && !name.isEmpty()) {
                    error(number, name, "unknown column; expected " + String.join(",", kind.columns));
                } else if (known != null) {
                    columns.put(known, c);
                }
            }
            kind.required.stream().filter(r -> !columns.containsKey(r))
                    .forEach(r -> error(number, r, "required column is missing"));
        }

        private void school(Row row) throws SQLException {
            String code = row.text("code", "^\\d{10}$", "must be a 10-digit school identification code");
            String township = row.text("townshipCode", "^\\d{9}$", "must be a 9-digit township code");
            row.oneOf("type", SCHOOL_TYPES);
            row.oneOf("ownership", List.of("PUBLIC", "PRIVATE"));
            row.oneOf("area", List.of("URBAN", "TOWN", "RURAL"));
            SchoolRequest request = new SchoolRequest(row.text("name", null, null), row.upper("type"), row.upper("ownership"),
                    row.bool("inclusive", false), row.bool("townshipCentral", false), row.upper("area"), township,
                    row.date("openedOn"));
            if (row.failed) {
                return;
            }
            if (!RegionCode.within(township, county)) {
                error(row.number, "townshipCode", township + " is not in county " + county);
                return;
            }
            for (Violation v : SchoolService.checkFields(request)) {
                error(row.number, v.field(), v.message());
            }
            for (Violation v : SchoolService.checkCode("code", code, request)) {
                error(row.number, v.field(), v.message());
            }
            if (errorCount > 0) {
                return;
            }
            // a sheet never moves a school between counties, and says nothing of the other county
            if (!countySchools.containsKey(code) && schoolService.countyOf(code).isPresent()) {
                error(row.number, "code", "is already registered to another county");
                return;
            }
            boolean exists = countySchools.containsKey(code);
            SchoolService.Saved saved = schoolService.importSchool(code, request, principal);
            countySchools.put(code, schoolService.find(code));
            em.flush();
            em.clear();
            if (saved.created()) {
                registered++;
            } else if (exists) {
                updated++;
            }
        }

        private School schoolOf(Row row) {
            String code = row.text("schoolCode", "^\\d{10}$", "must be a 10-digit school identification code");
            if (code == null) {
                return null;
            }
            School school = countySchools.get(code);
            if (school == null) {
                error(row.number, "schoolCode", code + " is not a school of county " + county);
            }
            return school;
        }

        private String touch(School school, int year, Row row, boolean replaceClasses, boolean replaceFlows)
                throws SQLException {
            if (!school.openIn(year)) {
                error(row.number, "schoolYear", "school " + school.code() + " was not open on 1 September " + year);
                return null;
            }
            String key = school.code() + "/" + year;
            if (!touched.containsKey(key)) {
                touched.put(key, 0);
                if (errorCount == 0) {
                    years.prepareForImport(school.code(), school.countyCode(), year, replaceClasses, replaceFlows, principal);
                }
            }
            return key;
        }

        private void classRow(Row row) throws SQLException {
            School school = schoolOf(row);
            Integer year = row.integer("schoolYear", 1990, 2100);
            String stage = row.stage("stage");
            Integer grade = row.integer("grade", 1, 12);
            Integer students = row.integer("students", 0, SchoolYearRules.MAX_CLASS_SIZE);
            boolean commonLanguage = row.bool("commonLanguage", true);
            if (row.failed || school == null) {
                return;
            }
            for (Violation v : SchoolYearRules.checkClass(school.type(), stage, grade, students)) {
                error(row.number, v.field(), v.message());
            }
            if (row.failed) {
                return;
            }
            String key = touch(school, year, row, true, false);
            if (key == null || errorCount > 0) {
                return;
            }
            int no = touched.merge(key, 1, Integer::sum);
            if (classInsert == null) {
                classInsert = connection.prepareStatement("""
                        INSERT INTO school_class (school_code, school_year, class_no, stage, grade, students, common_language)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""");
            }
            classInsert.setString(1, school.code());
            classInsert.setInt(2, year);
            classInsert.setInt(3, no);
            classInsert.setString(4, stage);
            classInsert.setInt(5, grade);
            classInsert.setInt(6, students);
            classInsert.setBoolean(7, commonLanguage);
            classInsert.addBatch();
            batched();
        }

        private void flowRow(Row row) throws SQLException {
            School school = schoolOf(row);
            Integer year = row.integer("schoolYear", 1990, 2100);
            String stage = row.stage("stage");
            Integer grade = row.integer("grade", 1, 12);
            int[] counts = new int[5];
            String[] names = { "entrants", "graduates", "transfersIn", "transfersOut", "dropouts" };
            for (int i = 0; i < names.length; i++) {
                Integer value = row.integer(names[i], 0, 100_000);
                counts[i] = value == null ? 0 : value;
            }
            if (row.failed || school == null) {
                return;
            }
            for (Violation v : SchoolYearRules.checkFlow(school.type(), stage, grade,
                    counts[0], counts[1])) {
                error(row.number, v.field(), v.message());
            }
            if (row.failed) {
                return;
            }
            if (!seenFlows.add(school.code() + "/" + year + "/" + stage + "/" + grade)) {
                error(row.number, "grade", stage + " grade " + grade + " of " + school.code() + " in " + year
                        + " appears twice");
                return;
            }
            String key = touch(school, year, row, false, true);
            if (key == null || errorCount > 0) {
                return;
            }
            if (flowInsert == null) {
                flowInsert = connection.prepareStatement("""
                        INSERT INTO enrolment_flow (school_code, school_year, stage, grade, entrants, graduates, transfers_in,
                                                    transfers_out, dropouts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""");
            }
            flowInsert.setString(1, school.code());
            flowInsert.setInt(2, year);
            flowInsert.setString(3, stage);
            flowInsert.setInt(4, grade);
            for (int i = 0; i < 5; i++) {
                flowInsert.setInt(5 + i, counts[i]);
            }
            flowInsert.addBatch();
            batched();
        }

        private void staffRow(Row row) throws SQLException {
            School school = schoolOf(row);
            Integer year = row.integer("schoolYear", 1990, 2100);
            String[] names = { "teachers", "newHires", "ruralNewHires", "eligibleForRotation", "rotated", "rotatedBackbone",
                    "newHiresPutonghua2B" };
            int[] counts = new int[names.length];
            for (int i = 0; i < names.length; i++) {
                Integer value = row.integer(names[i], 0, 100_000);
                counts[i] = value == null ? 0 : value;
            }
            if (row.failed || school == null) {
                return;
            }
            for (Violation v : SchoolYearRules.checkStaff(counts)) {
                error(row.number, v.field(), v.message());
            }
            if (row.failed) {
                return;
            }
            if (!seenStaff.add(school.code() + "/" + year)) {
                error(row.number, "schoolCode", "staff of " + school.code() + " in " + year + " appears twice");
                return;
            }
            if (touch(school, year, row, false, false) == null || errorCount > 0) {
                return;
            }
            years.replaceStaff(school.code(), year, counts);
        }

        // the county's own facts: one row per year, recorded through CountyFactService (its rules, its events)

        private Integer countyYear(Row row) {
            Integer year = row.integer("year", 1990, 2100);
            if (year != null && countyYears.contains(year)) {
                row.fail("year", year + " appears twice");
                return null;
            }
            return year;
        }

        /** Records the fact unless the sheet has errors so far; field violations become errors of the row. */
        private void record(Row row, int year, List<Violation> violations, Runnable save) {
            violations.forEach(v -> error(row.number, v.field(), v.message()));
            if (row.failed || !violations.isEmpty()) {
                return;
            }
            countyYears.add(year);
            if (errorCount == 0) {
                save.run(); // replaces whatever was recorded for the year, as a sheet replaces its rows
            }
        }

        private void seniorEntranceRow(Row row) {
            Integer year = countyYear(row);
            int max = 10_000_000;
            SeniorEntranceRequest request = new SeniorEntranceRequest(row.integer("juniorGraduates", 0, max),
                    row.integer("examTakers", 0, max), row.integer("generalEntrants", 0, max),
                    row.integer("vocationalEntrantsInCounty", 0, max), row.integer("vocationalEntrantsOutOfCounty", 0, max),
                    row.integer("generalEnrolmentPlan", 0, max));
            if (row.failed) {
                return;
            }
            record(row, year, CountyFactService.check(request),
                    () -> countyFacts.putSeniorEntrance(county, year, request,
                            countyFacts.storedTag("SENIOR_ENTRANCE", county, year), principal));
        }

        private void teacherRecruitmentRow(Row row) {
            Integer year = countyYear(row);
            TeacherRecruitmentRequest request = new TeacherRecruitmentRequest(row.integer("recruited", 0, 1_000_000),
                    row.integer("ruralRecruited", 0, 1_000_000));
            if (row.failed) {
                return;
            }
            record(row, year, CountyFactService.check(request),
                    () -> countyFacts.putTeacherRecruitment(county, year, request,
                            countyFacts.storedTag("TEACHER_RECRUITMENT", county, year), principal));
        }

        private void trainingInstitutionsRow(Row row) {
            Integer year = countyYear(row);
            List<TrainingInstitutionsRequest.InstitutionKind> kinds = new ArrayList<>();
            for (int k = 0; k < ImportKind.TrainingColumns.PREFIXES.size(); k++) {
                String prefix = ImportKind.TrainingColumns.PREFIXES.get(k);
                List<String> names = ImportKind.TrainingColumns.FIELDS.stream().map(f -> prefix + f).toList();
                if (names.stream().allMatch(n -> row.raw(n).isEmpty())) {
                    continue; // the kind is not recorded
                }
                Integer[] counts = new Integer[names.size()];
                for (int i = 0; i < names.size(); i++) {
                    if (row.raw(names.get(i)).isEmpty()) {
                        row.fail(names.get(i), "is required when any " + prefix + " column is filled");
                    } else {
                        counts[i] = row.integer(names.get(i), 0, 1_000_000);
                    }
                }
                kinds.add(new TrainingInstitutionsRequest.InstitutionKind(TrainingInstitutionsRequest.KINDS.get(k),
                        counts[0], counts[1], counts[2], counts[3], counts[4]));
            }
            TrainingInstitutionsRequest request = new TrainingInstitutionsRequest(kinds,
                    row.integer("inspections", 0, 1_000_000), row.integer("complaintsHandled", 0, 1_000_000));
            if (row.failed) {
                return;
            }
            record(row, year, CountyFactService.check(request),
                    () -> countyFacts.putTrainingInstitutions(county, year, request,
                            countyFacts.storedTag("TRAINING_INSTITUTIONS", county, year), principal));
        }

        private void batched() throws SQLException {
            if (++pending >= JDBC_BATCH) {
                flush();
            }
        }

        private void flush() {
            try {
                if (classInsert != null) {
                    classInsert.executeBatch();
                }
                if (flowInsert != null) {
                    flowInsert.executeBatch();
                }
                pending = 0;
            } catch (SQLException e) {
                throw new IllegalStateException("import failed writing a batch", e);
            }
        }

        private void closeStatements() {
            try {
                if (classInsert != null) {
                    classInsert.close();
                }
                if (flowInsert != null) {
                    flowInsert.close();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("closing the import's statements", e);
            }
        }

        private void publishSchoolYears() {
            if (!List.of(ImportKind.CLASSES, ImportKind.ENROLMENT, ImportKind.STAFF).contains(kind)) {
                return;
            }
            Map<Integer, List<String>> byYear = new HashMap<>();
            for (String key : touched.keySet()) {
                String[] parts = key.split("/");
                byYear.computeIfAbsent(Integer.parseInt(parts[1]), y -> new ArrayList<>()).add(parts[0]);
            }
            byYear.forEach((year, codes) -> {
                for (int i = 0; i < codes.size(); i += EVENT_BATCH) {
                    for (SchoolYearResponse data : years.ofSchools(codes.subList(i, Math.min(codes.size(), i + EVENT_BATCH)), year)) {
                        School school = countySchools.get(data.schoolCode());
                        outbox.publish(EventTypes.SCHOOL_YEAR_DATA_REPLACED, "school-year", data.schoolCode() + "/" + year,
                                school.countyCode(), SchoolYearService.event(data, school), principal);
                    }
                    em.flush();
                    em.clear();
                }
            });
        }

        private void error(int row, String column, String message) {
            errorCount++;
            if (errors.size() < MAX_LISTED_ERRORS) {
                errors.add(new Violation("rows[" + row + "]" + (column.isEmpty() ? "" : "." + column), message));
            }
        }

        /** One data row's cells by column name, parsed with errors recorded against the row. */
        private final class Row {
            final int number;
            final List<String> cells;
            boolean failed;

            Row(int number, List<String> cells) {
                this.number = number;
                this.cells = cells;
            }

            String raw(String column) {
                Integer c = columns.get(column);
                return c == null || c >= cells.size() ? "" : cells.get(c).trim();
            }

            void fail(String column, String message) {
                failed = true;
                error(number, column, message);
            }

            String text(String column, String pattern, String message) {
                String value = raw(column);
                if (value.isEmpty()) {
                    if (kind.required.contains(column)) {
                        fail(column, "is required");
                    }
                    return null;
                }
                if (pattern != null && !value.matches(pattern)) {
                    fail(column, "'" + value + "' " + message);
                    return null;
                }
                return value;
            }

            String upper(String column) {
                String value = text(column, null, null);
                return value == null ? null : value.toUpperCase(Locale.ROOT);
            }

            /** Records an error when the cell holds a value outside {@code allowed}. */
            void oneOf(String column, List<String> allowed) {
                String value = raw(column).toUpperCase(Locale.ROOT);
                if (!value.isEmpty() && !allowed.contains(value)) {
                    fail(column, "'" + raw(column) + "' is not one of " + String.join(", ", allowed));
                }
            }

            String stage(String column) {
                String value = upper(column);
                if (value != null && !List.of("PRESCHOOL", "PRIMARY", "JUNIOR", "SENIOR", "VOCATIONAL", "SPECIAL")
                        .contains(value)) {
                    fail(column, "'" + value + "' is not a stage");
                    return null;
                }
                return value;
            }

            Integer integer(String column, int min, int max) {
                String value = raw(column);
                if (value.isEmpty()) {
                    if (kind.required.contains(column)) {
                        fail(column, "is required");
                    }
                    return null;
                }
                try {
                    int parsed = (int) Double.parseDouble(value);
                    if (parsed != Double.parseDouble(value)) {
                        fail(column, "'" + value + "' is not a whole number");
                        return null;
                    }
                    if (parsed < min || parsed > max) {
                        fail(column, parsed + " is outside " + min + "–" + max);
                        return null;
                    }
                    return parsed;
                } catch (NumberFormatException e) {
                    fail(column, "'" + value + "' is not a number");
                    return null;
                }
            }

            boolean bool(String column, boolean absent) {
                String value = raw(column).toLowerCase(Locale.ROOT);
                return switch (value) {
                    case "" -> absent;
                    case "true", "1", "yes", "y", "是" -> true;
                    case "false", "0", "no", "n", "否" -> false;
                    default -> {
                        fail(column, "'" + value + "' is not true/false (是/否)");
                        yield absent;
                    }
                };
            }

            LocalDate date(String column) {
                String value = raw(column);
                if (value.isEmpty()) {
                    fail(column, "is required");
                    return null;
                }
                try {
                    return LocalDate.parse(value);
                } catch (DateTimeParseException e) {
                    fail(column, "'" + value + "' is not a date like 2019-09-01");
                    return null;
                }
            }
        }
    }
}
