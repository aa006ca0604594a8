package cn.eduduty.scale;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Copies counties of report-service's read model to another province, by SQL, in exactly the
 * shape the projector writes them: every row of the thirteen read-model tables whose region lies in
 * the copied counties (their townships, schools, school years, population, postings and lines,
 * fiscal contexts and closings, county facts, self-evaluation, ratings and signing) and the
 * prefectures' frameworks, with the province's two digits replaced in every code (a school code's
 * county digits, after its type's category, replaced whole), names renamed alike, and record and event ids derived from
 * the old id and the new province ({@code md5(id || province)}), so every copied row keeps an event
 * of its own as the projector's rows do (report-service reads school years back by event id). This is
 * how the national benchmark reaches 2,844 counties without loading each through the owners' APIs
 * (which the province burst does); the bench says so.
 */
final class ReadModelCopy {

    private ReadModelCopy() {
    }

    /** Copies the first {@code counties} counties of province {@code from} (two digits) to province {@code to}. */
    static void copy(Connection db, String from, String to, int counties) throws SQLException {
        boolean auto = db.getAutoCommit();
        db.setAutoCommit(false);
        try {
            run(db, "DROP TABLE IF EXISTS pg_temp.moved", List.of());
            run(db, """
                    CREATE TEMP TABLE moved AS
                    SELECT code AS src, ? || substr(code, 3) AS dst FROM rm_region
                    WHERE level = 'COUNTY' AND code LIKE ? ORDER BY code LIMIT ?""", List.of(to, from + "%", counties));
            run(db, "CREATE INDEX ON moved (src)", List.of());
            String region = "? || substr(%s, 3)";
            String name = "regexp_replace(%s, '^规模' || ?, '规模' || ?)";
            String id = "md5(%s::text || ?)::uuid";
            // regions: the province, the prefectures of the moved counties, the counties and their townships
            run(db, """
                    INSERT INTO rm_region (code, name, level, parent_code, valid_from, valid_to, version)
                    SELECT %s, %s, level, CASE WHEN parent_code IS NULL THEN NULL ELSE %s END, valid_from, valid_to, version
                    FROM rm_region r WHERE r.code = ? || '0000'
                       OR (r.level = 'PREFECTURE' AND r.code IN (SELECT substr(src, 1, 4) || '00' FROM moved))
                       OR substr(r.code, 1, 6) IN (SELECT src FROM moved)
                    ON CONFLICT (code) DO NOTHING""".formatted(region.formatted("code"), name.formatted("name"),
                    region.formatted("parent_code")), List.of(to, from, to, to, from));
            // a school code holds its county's six digits after the type's category: replaced exactly
            run(db, """
                    INSERT INTO rm_school (code, name, type, ownership, inclusive, township_central, area, township_code,
                                           county_code, opened_on, closed_on, version)
                    SELECT replace(s.code, m.src, m.dst), name, type, ownership, inclusive, township_central, area, %s,
                           m.dst, opened_on, closed_on, version
                    FROM rm_school s JOIN moved m ON m.src = s.county_code""".formatted(region.formatted("township_code")),
                    List.of(to));
            run(db, """
                    INSERT INTO rm_school_year (school_code, school_year, county_code, township_code, data, version, event_id)
                    SELECT replace(y.school_code, m.src, m.dst), school_year, m.dst, %s, data, version, %s
                    FROM rm_school_year y JOIN moved m ON m.src = y.county_code""".formatted(
                    region.formatted("township_code"), id.formatted("event_id")), List.of(to, to));
            run(db, """
                    INSERT INTO rm_population (region_code, year, residents_by_age, identified_disabled_children, version)
                    SELECT %s, year, residents_by_age, identified_disabled_children, version
                    FROM rm_population WHERE substr(region_code, 1, 6) IN (SELECT src FROM moved)""".formatted(
                    region.formatted("region_code")), List.of(to));
            run(db, """
                    INSERT INTO rm_posting (id, region_code, fiscal_year, booking_date, voucher, memo, stage, school_code,
                                            reversal_of, event_id)
                    SELECT %s, m.dst, fiscal_year, booking_date, voucher, memo, stage, replace(school_code, m.src, m.dst),
                           CASE WHEN reversal_of IS NULL THEN NULL ELSE %s END, %s
                    FROM rm_posting p JOIN moved m ON m.src = p.region_code""".formatted(id.formatted("id"),
                    id.formatted("reversal_of"), id.formatted("event_id")), List.of(to, to, to));
            run(db, """
                    INSERT INTO rm_posting_line (posting_id, line_no, account_code, account_type, category, debit, credit)
                    SELECT %s, l.line_no, l.account_code, l.account_type, l.category, l.debit, l.credit
                    FROM rm_posting_line l JOIN rm_posting p ON p.id = l.posting_id
                    WHERE p.region_code IN (SELECT src FROM moved)""".formatted(id.formatted("l.posting_id")), List.of(to));
            run(db, """
                    INSERT INTO rm_fiscal_context (region_code, fiscal_year, regular_fiscal_revenue,
                                                   general_public_budget_expenditure, average_teacher_pay,
                                                   average_civil_servant_pay, version)
                    SELECT %s, fiscal_year, regular_fiscal_revenue, general_public_budget_expenditure, average_teacher_pay,
                           average_civil_servant_pay, version
                    FROM rm_fiscal_context WHERE region_code IN (SELECT src FROM moved)""".formatted(
                    region.formatted("region_code")), List.of(to));
            run(db, """
                    INSERT INTO rm_fiscal_year_closed (region_code, fiscal_year, postings)
                    SELECT %s, fiscal_year, postings FROM rm_fiscal_year_closed
                    WHERE region_code IN (SELECT src FROM moved)""".formatted(region.formatted("region_code")), List.of(to));
            run(db, """
                    INSERT INTO rm_county_fact (kind, region_code, year, data, version, event_id)
                    SELECT kind, %s, year, replace(data::text, '"' || region_code || '"', '"' || %s || '"')::jsonb,
                           version, %s
                    FROM rm_county_fact WHERE region_code IN (SELECT src FROM moved)""".formatted(
                    region.formatted("region_code"), region.formatted("region_code"), id.formatted("event_id")),
                    List.of(to, to, to));
            run(db, """
                    INSERT INTO rm_framework (id, region_code, evaluation_year, code, name, issuer, indicators, published_at)
                    SELECT %s, %s, evaluation_year, replace(code, region_code, %s), %s, %s, indicators, published_at
                    FROM rm_framework WHERE region_code IN (SELECT DISTINCT substr(src, 1, 4) || '00' FROM moved)
                    ON CONFLICT (id) DO NOTHING""".formatted(id.formatted("id"), region.formatted("region_code"),
                    region.formatted("region_code"), name.formatted("name"), name.formatted("issuer")),
                    List.of(to, to, to, from, to, from, to));
            run(db, """
                    INSERT INTO rm_self_evaluation (id, framework_id, region_code, year, status, version, approved_by)
                    SELECT %s, %s, %s, year, status, version, approved_by
                    FROM rm_self_evaluation WHERE region_code IN (SELECT src FROM moved)""".formatted(id.formatted("id"),
                    id.formatted("framework_id"), region.formatted("region_code")), List.of(to, to, to));
            run(db, """
                    INSERT INTO rm_rating (self_evaluation_id, indicator_code, rating, narrative, evidence, problem,
                                           improvement, version, event_id)
                    SELECT %s, r.indicator_code, r.rating, r.narrative, r.evidence, r.problem, r.improvement, r.version,
                           %s
                    FROM rm_rating r JOIN rm_self_evaluation e ON e.id = r.self_evaluation_id
                    WHERE e.region_code IN (SELECT src FROM moved)""".formatted(id.formatted("r.self_evaluation_id"),
                    id.formatted("r.event_id")), List.of(to, to));
            run(db, """
                    INSERT INTO rm_self_evaluation_signing (self_evaluation_id, signing_authority, signing_date,
                                                            notable_practices, improvement_measures, version, event_id)
                    SELECT %s, %s, s.signing_date, s.notable_practices, s.improvement_measures, s.version, %s
                    FROM rm_self_evaluation_signing s JOIN rm_self_evaluation e ON e.id = s.self_evaluation_id
                    WHERE e.region_code IN (SELECT src FROM moved)""".formatted(id.formatted("s.self_evaluation_id"),
                    name.formatted("s.signing_authority"), id.formatted("s.event_id")), List.of(to, from, to, to));
            db.commit();
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(auto);
        }
    }

    /**
     * Copies province {@code from}'s first {@code perProvince} counties to as many new provinces
     * ({@code first}, {@code first + 1}, …) as make {@code total} counties, the last one partly;
     * answers the new provinces.
     */
    static List<String> national(Connection db, String from, int first, int perProvince, int total, PrintStream out)
            throws SQLException {
        List<String> provinces = new ArrayList<>();
        int needed = (total + perProvince - 1) / perProvince;
        for (int p = first; p < first + needed; p++) {
            remove(db, Integer.toString(p)); // what an interrupted run left
        }
        int left = total;
        for (int p = first; left > 0; p++) {
            int n = Math.min(perProvince, left);
            copy(db, from, Integer.toString(p), n);
            provinces.add(Integer.toString(p));
            left -= n;
            out.printf("[scale]   province %d0000: %d counties copied (%d of %d)%n", p, n, total - left, total);
        }
        return provinces;
    }

    /** Removes every read-model row of province {@code province} (two digits): a copy left by an interrupted run. */
    static void remove(Connection db, String province) throws SQLException {
        String like = province + "%";
        for (String sql : List.of(
                "DELETE FROM rm_posting_line WHERE posting_id IN (SELECT id FROM rm_posting WHERE region_code LIKE ?)",
                "DELETE FROM rm_posting WHERE region_code LIKE ?",
                "DELETE FROM rm_rating WHERE self_evaluation_id IN (SELECT id FROM rm_self_evaluation WHERE region_code LIKE ?)",
                "DELETE FROM rm_self_evaluation_signing WHERE self_evaluation_id IN "
                        + "(SELECT id FROM rm_self_evaluation WHERE region_code LIKE ?)",
                "DELETE FROM rm_self_evaluation WHERE region_code LIKE ?",
                "DELETE FROM rm_framework WHERE region_code LIKE ?",
                "DELETE FROM rm_school_year WHERE county_code LIKE ?",
                "DELETE FROM rm_school WHERE county_code LIKE ?",
                "DELETE FROM rm_population WHERE region_code LIKE ?",
                "DELETE FROM rm_fiscal_context WHERE region_code LIKE ?",
                "DELETE FROM rm_fiscal_year_closed WHERE region_code LIKE ?",
                "DELETE FROM rm_county_fact WHERE region_code LIKE ?",
                "DELETE FROM rm_region WHERE code LIKE ?")) {
            run(db, sql, List.of(like));
        }
    }

    private static void run(Connection db, String sql, List<Object> parameters) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                s.setObject(i + 1, parameters.get(i));
            }
            s.execute();
        }
    }
}
