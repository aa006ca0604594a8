package cn.eduduty.report.resync;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import org.junit.jupiter.api.Test;

import cn.eduduty.report.resync.OwnerStandIn.Request;
import cn.eduduty.runtime.persistence.Rows;
import cn.eduduty.testsupport.Api;
import cn.eduduty.testsupport.SuiteInfrastructure;
import cn.eduduty.testsupport.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A successful resync, outside the end-to-end test: the owners are a stand-in serving one county
 * in their documented shapes (OwnerAnswers), and POST /api/v1/read-model/resync rebuilds the
 * county's read model from it, through the three typed clients, with the caller's system token.
 */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
@WithTestResource(StandInOwners.class)
class OwnerResyncTest {

    private static final String PATH = "/api/v1/read-model/resync";

    /** Injected by StandInOwners. */
    OwnerStandIn owners;

    @Inject
    EntityManager em;

    @Inject
    ResyncService resync;

    @Test
    void rebuildsACountyFromWhatItsOwnersServeWithTheCallersToken() {
        OwnerAnswers county = new OwnerAnswers(StandInOwners.ON_REQUEST);
        String token = Tokens.of(Api.SYSTEM, county.county);

        given().header("Authorization", "Bearer " + token).contentType("application/json")
                .body(Map.of("region", county.county)).post(PATH).then().statusCode(200)
                .body("counties", contains(county.county))
                .body("read.regions", equalTo(4)) // the county, its prefecture and province, its township
                .body("read.schools", equalTo(StandInOwners.SCHOOLS))
                .body("read.schoolYears", equalTo(1))
                .body("read.populations", equalTo(1))
                .body("read.teacherRecruitments", equalTo(1))
                .body("read.fiscalContexts", equalTo(1))
                .body("read.postings", equalTo(1))
                .body("read.frameworks", equalTo(1))
                .body("read.selfEvaluations", equalTo(1))
                .body("read.ratings", equalTo(1))
                .body("read.signings", equalTo(1));

        // every owner was asked, every time with the caller's token, and the schools page by page
        List<Request> asked = owners.requests().stream().filter(r -> concerns(r, county)).toList();
        assertThat(asked).extracting(Request::path).contains("/api/v1/regions/" + county.county, "/api/v1/schools",
                "/api/v1/counties/" + county.county + "/postings", "/api/v1/self-evaluations",
                "/api/v1/frameworks/" + county.framework);
        assertThat(asked).allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer " + token));
        assertThat(asked.stream().filter(r -> r.path().equals("/api/v1/schools")).map(r -> r.query().get("page")))
                .containsExactly("0", "1");

        Tuple region = row("SELECT name, level, parent_code FROM rm_region WHERE code = :k", county.county);
        assertThat(List.of(Rows.text(region, "name"), Rows.text(region, "level"), Rows.text(region, "parent_code")))
                .containsExactly("站县", "COUNTY", county.prefecture);
        assertThat(Rows.whole(row("SELECT count(*) AS n FROM rm_school WHERE county_code = :k", county.county), "n"))
                .isEqualTo(StandInOwners.SCHOOLS);
        Tuple year = row("""
                SELECT county_code, township_code, data -> 'classes' -> 0 ->> 'commonLanguage' AS first,
                       data -> 'classes' -> 1 ->> 'commonLanguage' AS second, version
                FROM rm_school_year WHERE school_code = :k AND school_year = 2025""", county.school(1));
        assertThat(List.of(Rows.text(year, "county_code"), Rows.text(year, "township_code"))).containsExactly(
                county.county, county.township);
        // a class the registry answers without a language teaches in the common one, its default
        assertThat(List.of(Rows.text(year, "first"), Rows.text(year, "second"))).containsExactly("true", "false");
        assertThat(Rows.whole(year, "version")).isEqualTo(3);
        Tuple population = row("""
                SELECT identified_disabled_children, residents_by_age ->> '7' AS seven
                FROM rm_population WHERE region_code = :k AND year = 2025""", county.county);
        assertThat(Rows.integer(population, "identified_disabled_children")).isEqualTo(12);
        assertThat(Rows.text(population, "seven")).isEqualTo("398");
        assertThat(Rows.whole(row("""
                SELECT version FROM rm_county_fact WHERE kind = 'teacher-recruitment' AND region_code = :k
                AND year = 2025""", county.county), "version")).isZero();

        assertThat(Rows.decimal(row("SELECT regular_fiscal_revenue FROM rm_fiscal_context WHERE region_code = :k",
                county.county), "regular_fiscal_revenue")).isEqualByComparingTo("856321400.00");
        assertThat(Rows.text(row("SELECT voucher FROM rm_posting WHERE id = :k", county.posting), "voucher"))
                .isEqualTo("记-2025-0042");
        List<Tuple> lines = QuarkusTransaction.requiringNew().call(() -> Rows.list(em, """
                SELECT account_type, category, debit FROM rm_posting_line WHERE posting_id = :k ORDER BY line_no""",
                q -> q.setParameter("k", county.posting)));
        // each line's type and category come from the county's accounts
        assertThat(lines).extracting(l -> Rows.text(l, "account_type"), l -> Rows.text(l, "category"))
                .containsExactly(tuple("EXPENSE", "PER_STUDENT_PUBLIC_FUNDS"),
                        tuple("ASSET", null));
        assertThat(Rows.decimal(lines.get(0), "debit")).isEqualByComparingTo(new BigDecimal("325000.00"));

        Tuple framework = row("""
                SELECT region_code, jsonb_array_length(indicators) AS indicators,
                       indicators -> 2 -> 'metric' ->> 'threshold' AS threshold
                FROM rm_framework WHERE id = :k""", county.framework);
        assertThat(Rows.text(framework, "region_code")).isEqualTo(county.prefecture);
        assertThat(Rows.integer(framework, "indicators")).isEqualTo(3);
        assertThat(new BigDecimal(Rows.text(framework, "threshold"))).isEqualByComparingTo("85");
        Tuple evaluation = row("SELECT status, version, approved_by FROM rm_self_evaluation WHERE id = :k",
                county.selfEvaluation);
        assertThat(List.of(Rows.text(evaluation, "status"), Rows.text(evaluation, "approved_by"))).containsExactly(
                "APPROVED", "prefecture-reviewer@" + county.prefecture);
        assertThat(Rows.whole(evaluation, "version")).isEqualTo(7);
        Tuple rating = row("SELECT rating, narrative, version FROM rm_rating WHERE self_evaluation_id = :k",
                county.selfEvaluation);
        assertThat(Rows.text(rating, "rating")).isEqualTo("BASICALLY");
        assertThat(Rows.text(rating, "narrative")).isEqualTo("全县学前三年毛入园率达到87.5%。");
        assertThat(Rows.whole(rating, "version")).isEqualTo(7);
        Tuple signing = row("""
                SELECT signing_authority, signing_date, notable_practices -> 0 ->> 'title' AS practice
                FROM rm_self_evaluation_signing WHERE self_evaluation_id = :k""", county.selfEvaluation);
        assertThat(Rows.text(signing, "signing_authority")).isEqualTo("站县人民政府");
        assertThat(Rows.date(signing, "signing_date")).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(Rows.text(signing, "practice")).isEqualTo("集团化办学");

        assertThat(resync.completed(county.county)).isTrue();
    }

    /** Whether the owners were asked this about the county. */
    private static boolean concerns(Request r, OwnerAnswers county) {
        return r.path().contains(county.county) || county.county.equals(r.query().get("region"))
                || r.path().contains(county.framework.toString()) || r.path().contains(county.selfEvaluation.toString());
    }

    private Tuple row(String sql, Object key) {
        Optional<Tuple> row = QuarkusTransaction.requiringNew().call(() -> Rows.one(em, sql,
                q -> q.setParameter("k", key)));
        assertThat(row).as(sql).isPresent();
        return row.orElseThrow();
    }
}
