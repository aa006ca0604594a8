package cn.eduduty.report.readmodel;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.core.JsonProcessingException;

import cn.eduduty.contracts.EventJson;
import cn.eduduty.contracts.funding.FiscalContextRecorded;
import cn.eduduty.contracts.funding.FiscalYearClosed;
import cn.eduduty.contracts.funding.PostingBooked;
import cn.eduduty.contracts.indicator.FrameworkPublished;
import cn.eduduty.contracts.indicator.RatingRecorded;
import cn.eduduty.contracts.indicator.SelfEvaluationCreated;
import cn.eduduty.contracts.indicator.SelfEvaluationSigningRecorded;
import cn.eduduty.contracts.indicator.SelfEvaluationStatus;
import cn.eduduty.contracts.registry.PopulationRecorded;
import cn.eduduty.contracts.registry.RegionChanged;
import cn.eduduty.contracts.registry.SchoolSnapshot;
import cn.eduduty.contracts.registry.SchoolYearDataReplaced;
import cn.eduduty.runtime.persistence.Rows;

/**
 * The read model's SQL, for {@link ReadModelProjector}: the version held for each versioned row
 * (read by column name, 0 when no row is held), and the writes, one named-parameter statement per
 * table. Rows of versioned entities keep the newest version ({@code WHERE version <= EXCLUDED.version});
 * postings, closures, frameworks and creations are inserted once.
 */
@ApplicationScoped
class ReadModelQueries {

    private final EntityManager em;

    ReadModelQueries(EntityManager em) {
        this.em = em;
    }

    long regionVersion(String code) {
        return held("SELECT version FROM rm_region WHERE code = :code", q -> q.setParameter("code", code));
    }

    long schoolVersion(String code) {
        return held("SELECT version FROM rm_school WHERE code = :code", q -> q.setParameter("code", code));
    }

    long schoolYearVersion(String schoolCode, int schoolYear) {
        return held("SELECT version FROM rm_school_year WHERE school_code = :school AND school_year = :year",
                q -> q.setParameter("school", schoolCode).setParameter("year", schoolYear));
    }

    long populationVersion(String region, int year) {
        return held("SELECT version FROM rm_population WHERE region_code = :region AND year = :year",
                q -> q.setParameter("region", region).setParameter("year", year));
    }

    long countyFactVersion(String kind, String region, int year) {
        return held("SELECT version FROM rm_county_fact WHERE kind = :kind AND region_code = :region AND year = :year",
                q -> q.setParameter("kind", kind).setParameter("region", region).setParameter("year", year));
    }

    long fiscalContextVersion(String region, int fiscalYear) {
        return held("SELECT version FROM rm_fiscal_context WHERE region_code = :region AND fiscal_year = :year",
                q -> q.setParameter("region", region).setParameter("year", fiscalYear));
    }

    /** A self-evaluation's one version counter: the highest of its status', its ratings' and its signing's. */
    long selfEvaluationVersion(UUID id) {
        return held("""
                SELECT GREATEST((SELECT version FROM rm_self_evaluation WHERE id = :id),
                                (SELECT max(version) FROM rm_rating WHERE self_evaluation_id = :id),
                                (SELECT version FROM rm_self_evaluation_signing WHERE self_evaluation_id = :id)) AS version""",
                q -> q.setParameter("id", id));
    }

    /** The {@code version} column of the row {@code sql} selects; no row or null: 0. */
    private long held(String sql, Rows.Parameters parameters) {
        return Rows.one(em, sql, parameters).map(t -> Rows.whole(t, "version")).filter(Objects::nonNull).orElse(0L);
    }

    void region(RegionChanged r) {
        run("""
                INSERT INTO rm_region (code, name, level, parent_code, valid_from, valid_to, version)
                VALUES (:code, :name, :level, :parent, :from, :to, :version)
                ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, level = EXCLUDED.level,
                    parent_code = EXCLUDED.parent_code, valid_from = EXCLUDED.valid_from, valid_to = EXCLUDED.valid_to,
                    version = EXCLUDED.version
                WHERE rm_region.version <= EXCLUDED.version""", q -> q.setParameter("code", r.code())
                .setParameter("name", r.name()).setParameter("level", r.level()).setParameter("parent", r.parentCode())
                .setParameter("from", r.validFrom()).setParameter("to", r.validTo()).setParameter("version", r.version()));
    }

    void school(SchoolSnapshot s) {
        run("""
                INSERT INTO rm_school (code, name, type, ownership, inclusive, township_central, area, township_code,
                                       county_code, opened_on, closed_on, version)
                VALUES (:code, :name, :type, :ownership, :inclusive, :central, :area, :township, :county, :opened, :closed, :version)
                ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, type = EXCLUDED.type, ownership = EXCLUDED.ownership,
                    inclusive = EXCLUDED.inclusive, township_central = EXCLUDED.township_central, area = EXCLUDED.area,
                    township_code = EXCLUDED.township_code, county_code = EXCLUDED.county_code,
                    opened_on = EXCLUDED.opened_on, closed_on = EXCLUDED.closed_on, version = EXCLUDED.version
                WHERE rm_school.version <= EXCLUDED.version""", q -> q.setParameter("code", s.code())
                .setParameter("name", s.name()).setParameter("type", s.type()).setParameter("ownership", s.ownership())
                .setParameter("inclusive", s.inclusive()).setParameter("central", s.townshipCentral())
                .setParameter("area", s.area()).setParameter("township", s.townshipCode())
                .setParameter("county", s.countyCode()).setParameter("opened", s.openedOn())
                .setParameter("closed", s.closedOn()).setParameter("version", s.version()));
    }

    void schoolYear(SchoolYearDataReplaced y, UUID eventId) {
        run("""
                INSERT INTO rm_school_year (school_code, school_year, county_code, township_code, data, version, event_id)
                VALUES (:school, :year, :county, :township, CAST(:data AS jsonb), :version, :event)
                ON CONFLICT (school_code, school_year) DO UPDATE SET county_code = EXCLUDED.county_code,
                    township_code = EXCLUDED.township_code, data = EXCLUDED.data, version = EXCLUDED.version,
                    event_id = EXCLUDED.event_id
                WHERE rm_school_year.version <= EXCLUDED.version""", q -> q.setParameter("school", y.schoolCode())
                .setParameter("year", y.schoolYear()).setParameter("county", y.countyCode())
                .setParameter("township", y.townshipCode()).setParameter("data", json(y))
                .setParameter("version", y.version()).setParameter("event", eventId));
    }

    void population(PopulationRecorded p) {
        run("""
                INSERT INTO rm_population (region_code, year, residents_by_age, identified_disabled_children, version)
                VALUES (:region, :year, CAST(:ages AS jsonb), :disabled, :version)
                ON CONFLICT (region_code, year) DO UPDATE SET residents_by_age = EXCLUDED.residents_by_age,
                    identified_disabled_children = EXCLUDED.identified_disabled_children, version = EXCLUDED.version
                WHERE rm_population.version <= EXCLUDED.version""", q -> q.setParameter("region", p.regionCode())
                .setParameter("year", p.year()).setParameter("ages", json(p.residentsByAge()))
                .setParameter("disabled", p.identifiedDisabledChildren()).setParameter("version", p.version()));
    }

    /** A county fact of a year, whole, keeping the newest version (see {@link CountyFactKinds}). */
    void countyFact(String kind, String region, int year, Object payload, long version, UUID eventId) {
        run("""
                INSERT INTO rm_county_fact (kind, region_code, year, data, version, event_id)
                VALUES (:kind, :region, :year, CAST(:data AS jsonb), :version, :event)
                ON CONFLICT (kind, region_code, year) DO UPDATE SET data = EXCLUDED.data, version = EXCLUDED.version,
                    event_id = EXCLUDED.event_id
                WHERE rm_county_fact.version <= EXCLUDED.version""", q -> q.setParameter("kind", kind)
                .setParameter("region", region).setParameter("year", year).setParameter("data", json(payload))
                .setParameter("version", version).setParameter("event", eventId));
    }

    void posting(PostingBooked p, UUID eventId) {
        int inserted = em.createNativeQuery("""
                INSERT INTO rm_posting (id, region_code, fiscal_year, booking_date, voucher, memo, stage, school_code,
                                        reversal_of, event_id)
                VALUES (:id, :region, :year, :date, :voucher, :memo, :stage, :school, :reversalOf, :event)
                ON CONFLICT (id) DO NOTHING""")
                .setParameter("id", p.postingId()).setParameter("region", p.regionCode()).setParameter("year", p.fiscalYear())
                .setParameter("date", p.bookingDate()).setParameter("voucher", p.voucherNumber()).setParameter("memo", p.memo())
                .setParameter("stage", p.stage()).setParameter("school", p.schoolCode())
                .setParameter("reversalOf", p.reversalOf()).setParameter("event", eventId).executeUpdate();
        if (inserted == 0) {
            return; // postings never change: a second copy (e.g. from a resync) adds nothing
        }
        for (int i = 0; i < p.lines().size(); i++) {
            PostingBooked.Line line = p.lines().get(i);
            int no = i;
            run("""
                    INSERT INTO rm_posting_line (posting_id, line_no, account_code, account_type, category, debit, credit)
                    VALUES (:id, :no, :account, :type, :category, :debit, :credit)""", q -> q.setParameter("id", p.postingId())
                    .setParameter("no", no).setParameter("account", line.accountCode()).setParameter("type", line.accountType())
                    .setParameter("category", line.category()).setParameter("debit", line.debit())
                    .setParameter("credit", line.credit()));
        }
    }

    void closed(FiscalYearClosed c) {
        run("""
                INSERT INTO rm_fiscal_year_closed (region_code, fiscal_year, postings) VALUES (:region, :year, :postings)
                ON CONFLICT DO NOTHING""", q -> q.setParameter("region", c.regionCode()).setParameter("year", c.fiscalYear())
                .setParameter("postings", c.postings()));
    }

    void fiscal(FiscalContextRecorded f) {
        run("""
                INSERT INTO rm_fiscal_context (region_code, fiscal_year, regular_fiscal_revenue,
                    general_public_budget_expenditure, average_teacher_pay, average_civil_servant_pay, version)
                VALUES (:region, :year, :revenue, :expenditure, :teacher, :servant, :version)
                ON CONFLICT (region_code, fiscal_year) DO UPDATE SET regular_fiscal_revenue = EXCLUDED.regular_fiscal_revenue,
                    general_public_budget_expenditure = EXCLUDED.general_public_budget_expenditure,
                    average_teacher_pay = EXCLUDED.average_teacher_pay,
                    average_civil_servant_pay = EXCLUDED.average_civil_servant_pay, version = EXCLUDED.version
                WHERE rm_fiscal_context.version <= EXCLUDED.version""", q -> q.setParameter("region", f.regionCode())
                .setParameter("year", f.fiscalYear()).setParameter("revenue", f.regularFiscalRevenue())
                .setParameter("expenditure", f.generalPublicBudgetExpenditure())
                .setParameter("teacher", f.averageTeacherPay()).setParameter("servant", f.averageCivilServantPay())
                .setParameter("version", f.version()));
    }

    void framework(FrameworkPublished f) {
        run("""
                INSERT INTO rm_framework (id, region_code, evaluation_year, code, name, issuer, indicators, published_at)
                VALUES (:id, :region, :year, :code, :name, :issuer, CAST(:indicators AS jsonb), :published)
                ON CONFLICT (id) DO NOTHING""", q -> q.setParameter("id", f.frameworkId())
                .setParameter("region", f.regionCode()).setParameter("year", f.evaluationYear()).setParameter("code", f.code())
                .setParameter("name", f.name()).setParameter("issuer", f.issuer())
                .setParameter("indicators", json(f.indicators())).setParameter("published", f.publishedAt()));
    }

    /** A new self-evaluation, in {@link SelfEvaluationStatus#DRAFT}. */
    void created(SelfEvaluationCreated c) {
        run("""
                INSERT INTO rm_self_evaluation (id, framework_id, region_code, year, status)
                VALUES (:id, :framework, :region, :year, :status) ON CONFLICT (id) DO NOTHING""",
                q -> q.setParameter("id", c.selfEvaluationId()).setParameter("framework", c.frameworkId())
                        .setParameter("region", c.regionCode()).setParameter("year", c.year())
                        .setParameter("status", SelfEvaluationStatus.DRAFT.name()));
    }

    void rating(RatingRecorded r, UUID eventId) {
        run("""
                INSERT INTO rm_rating (self_evaluation_id, indicator_code, rating, narrative, evidence, problem, improvement,
                                       version, event_id)
                VALUES (:se, :code, :rating, :narrative, CAST(:evidence AS jsonb), :problem, :improvement, :version, :event)
                ON CONFLICT (self_evaluation_id, indicator_code) DO UPDATE SET rating = EXCLUDED.rating,
                    narrative = EXCLUDED.narrative, evidence = EXCLUDED.evidence, problem = EXCLUDED.problem,
                    improvement = EXCLUDED.improvement, version = EXCLUDED.version, event_id = EXCLUDED.event_id
                WHERE rm_rating.version <= EXCLUDED.version""", q -> q.setParameter("se", r.selfEvaluationId())
                .setParameter("code", r.indicatorCode()).setParameter("rating", r.rating())
                .setParameter("narrative", r.narrative()).setParameter("evidence", json(r.evidence()))
                .setParameter("problem", r.problem()).setParameter("improvement", r.improvement())
                .setParameter("version", r.version()).setParameter("event", eventId));
        raiseVersion(r.selfEvaluationId(), r.version());
    }

    void signing(SelfEvaluationSigningRecorded s, UUID eventId) {
        run("""
                INSERT INTO rm_self_evaluation_signing (self_evaluation_id, signing_authority, signing_date,
                                                        notable_practices, improvement_measures, version, event_id)
                VALUES (:se, :authority, :date, CAST(:practices AS jsonb), CAST(:measures AS jsonb), :version, :event)
                ON CONFLICT (self_evaluation_id) DO UPDATE SET signing_authority = EXCLUDED.signing_authority,
                    signing_date = EXCLUDED.signing_date, notable_practices = EXCLUDED.notable_practices,
                    improvement_measures = EXCLUDED.improvement_measures, version = EXCLUDED.version,
                    event_id = EXCLUDED.event_id
                WHERE rm_self_evaluation_signing.version <= EXCLUDED.version""", q -> q
                .setParameter("se", s.selfEvaluationId()).setParameter("authority", s.signingAuthority())
                .setParameter("date", s.signingDate())
                .setParameter("practices", json(s.notablePractices() == null ? List.of() : s.notablePractices()))
                .setParameter("measures", json(s.improvementMeasures() == null ? List.of() : s.improvementMeasures()))
                .setParameter("version", s.version()).setParameter("event", eventId));
        raiseVersion(s.selfEvaluationId(), s.version());
    }

    /** A self-evaluation moved to {@code status} at {@code version}; {@code approvedBy} only on approval. */
    void status(UUID id, SelfEvaluationStatus status, long version, String approvedBy) {
        run("""
                UPDATE rm_self_evaluation SET status = :status, version = :version,
                       approved_by = COALESCE(:approvedBy, approved_by)
                WHERE id = :id AND version <= :version""", q -> q.setParameter("status", status.name())
                .setParameter("version", version).setParameter("approvedBy", approvedBy).setParameter("id", id));
    }

    /**
     * A rating or signing moves the self-evaluation's one version counter as its status does: the
     * read model holds the owner's current version, which is what a resync reads (found by the
     * chaos run, bench/chaos: the version stayed at the last status change).
     */
    private void raiseVersion(UUID selfEvaluationId, long version) {
        run("UPDATE rm_self_evaluation SET version = :version WHERE id = :id AND version < :version",
                q -> q.setParameter("version", version).setParameter("id", selfEvaluationId));
    }

    private void run(String sql, Rows.Parameters parameters) {
        parameters.set(em.createNativeQuery(sql)).executeUpdate();
    }

    private static String json(Object value) {
        try {
            return EventJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
