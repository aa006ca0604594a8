package cn.eduduty.registry.bulkimport;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.eduduty.registry.countyfact.CountyFactService;
import cn.eduduty.registry.school.School;
import cn.eduduty.registry.school.SchoolRepository;
import cn.eduduty.registry.school.SchoolService;
import cn.eduduty.registry.schoolyear.SchoolYearQueries;
import cn.eduduty.runtime.outbox.Outbox;
import cn.eduduty.runtime.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Imports a county's sheet all or nothing, once per idempotency key. Rows are read one at a time
 * ({@link SheetReader}, cells parsed by {@link SheetRow}) and handled by the sheet kind's
 * {@link SheetHandler}, which writes classes and flows in JDBC batches ({@link ImportBatchWriter})
 * inside one transaction; every row is checked and every error (row, column, message) reported
 * ({@link ImportErrors}), and if there is any the transaction is rolled back. Memory holds the
 * county's schools and the set of (school, year) touched, never the rows. Events for what changed
 * are published through the outbox in batches.
 */
@ApplicationScoped
class BulkImportService {

    private final EntityManager em;
    private final BulkImportQueries runs;
    private final SchoolRepository schools;
    private final SchoolService schoolService;
    private final SchoolYearQueries years;
    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final CountyFactService countyFacts;

    BulkImportService(EntityManager em, BulkImportQueries runs, SchoolRepository schools, SchoolService schoolService,
            SchoolYearQueries years, Outbox outbox, ObjectMapper mapper, CountyFactService countyFacts) {
        this.em = em;
        this.runs = runs;
        this.schools = schools;
        this.schoolService = schoolService;
        this.years = years;
        this.outbox = outbox;
        this.mapper = mapper;
        this.countyFacts = countyFacts;
    }

    /** Imports the spooled upload once per idempotency key: a replay returns the first summary. */
    ImportSummary run(String county, ImportKind kind, Upload upload, String key, String principal) {
        return QuarkusTransaction.requiringNew().timeout(3600).call(() -> {
            runs.lock(county, key);
            ImportSummary previous = previous(county, key, kind, upload.sha256());
            if (previous != null) {
                return previous;
            }
            ImportSummary summary;
            try (RowSource rows = upload.rows()) {
                summary = importRows(county, kind, principal, rows);
            } catch (IOException e) {
                throw ProblemException.invalid("body", e.getMessage());
            }
            runs.insert(county, key, kind, upload.sha256(), summary.rows(), json(summary), principal);
            return summary;
        });
    }

    /** An upload spooled to a file, with its content hash. */
    interface Upload {
        String sha256();

        RowSource rows() throws IOException;
    }

    private ImportSummary previous(String county, String key, ImportKind kind, String hash) {
        BulkImportQueries.ImportRun run = runs.find(county, key).orElse(null);
        if (run == null) {
            return null;
        }
        if (!hash.equals(run.contentHash()) || !kind.name().equals(run.kind())) {
            throw ProblemException.conflict("Idempotency key " + key + " was used for a different upload");
        }
        try {
            ImportSummary stored = mapper.readValue(run.summary(), ImportSummary.class);
            return new ImportSummary(stored.kind(), stored.rows(), stored.schoolsRegistered(), stored.schoolsUpdated(),
                    stored.schoolYearsReplaced(), stored.countyYearsRecorded(), true);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One pass over the rows: stores them all, or throws the sheet's errors (and the transaction rolls back). */
    private ImportSummary importRows(String county, ImportKind kind, String principal, RowSource source)
            throws IOException {
        Map<String, School> countySchools = new HashMap<>();
        schools.within(county).forEach(s -> countySchools.put(s.code(), s));
        // read-only from here: detached, so Hibernate does not dirty-check thousands of schools
        // before each of the import's native statements
        em.clear();
        ImportErrors errors = new ImportErrors();
        ImportContext context = new ImportContext(county, kind, principal, errors, countySchools);
        ImportBatchWriter writer = ImportBatchWriter.on(em);
        SheetHandler handler = handler(context, writer);
        SheetReader reader = new SheetReader(context, handler);
        try {
            source.forEachRow(reader);
            if (!reader.hadHeader()) {
                errors.add(1, "", "工作表为空：第1行须为列名");
            }
            if (!errors.any()) {
                writer.flush();
            }
        } finally {
            writer.close();
        }
        if (errors.any()) {
            throw errors.problem();
        }
        handler.finish();
        return handler.summary(reader.rows());
    }

    private SheetHandler handler(ImportContext context, ImportBatchWriter writer) {
        return switch (context.kind()) {
            case SCHOOLS -> new SchoolSheet(context, schoolService, em);
            case CLASSES -> new ClassSheet(context, years, outbox, em, writer);
            case ENROLMENT -> new EnrolmentSheet(context, years, outbox, em, writer);
            case STAFF -> new StaffSheet(context, years, outbox, em);
            case SENIOR_ENTRANCE -> new SeniorEntranceSheet(context, countyFacts);
            case TEACHER_RECRUITMENT -> new TeacherRecruitmentSheet(context, countyFacts);
            case TRAINING_INSTITUTIONS -> new TrainingInstitutionsSheet(context, countyFacts);
        };
    }

    private String json(ImportSummary summary) {
        try {
            return mapper.writeValueAsString(summary);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
