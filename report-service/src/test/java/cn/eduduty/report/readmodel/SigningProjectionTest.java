package cn.eduduty.report.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import cn.eduduty.contracts.EventTypes;
import cn.eduduty.report.ReadModelEvents;
import cn.eduduty.report.Samples;
import cn.eduduty.report.figures.Evaluation;
import cn.eduduty.report.figures.EvaluationInputs;
import cn.eduduty.testsupport.SuiteInfrastructure;

/** What a county signs, from its golden sample through the read model into the report's evaluation. */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class SigningProjectionTest {

    @Inject
    ReadModelEvents events;

    @Inject
    EvaluationInputs evaluations;

    /** A self-evaluation of {@code county} for 2025 against the golden framework, 4.1.1 rated with a narrative. */
    String rated(String county) throws Exception {
        String id = "\"" + UUID.randomUUID() + "\"";
        String region = "\"" + county + "\"";
        events.apply(Samples.sample(EventTypes.FRAMEWORK_PUBLISHED));
        events.apply(Samples.sample(EventTypes.SELF_EVALUATION_CREATED, "selfEvaluationId", id, "regionCode", region));
        events.apply(Samples.sample(EventTypes.RATING_RECORDED, "selfEvaluationId", id, "regionCode", region));
        return id;
    }

    @Test
    void theGoldenSampleReachesTheEvaluationWithEachPracticesText() throws Exception {
        String id = rated("990171");
        events.apply(Samples.sample(EventTypes.SELF_EVALUATION_SIGNING_RECORDED, "selfEvaluationId", id,
                "regionCode", "\"990171\""));

        Evaluation evaluation = evaluations.read("990171", 2025).orElseThrow();
        Evaluation.Signing signing = evaluation.signing();
        assertThat(signing).isNotNull();
        assertThat(signing.authority()).isEqualTo("示例县人民政府");
        assertThat(signing.date()).isEqualTo(LocalDate.of(2025, 10, 20));
        assertThat(signing.version()).isEqualTo(40);
        assertThat(signing.practices()).extracting(Evaluation.Practice::title)
                .containsExactly("多措并举扩大普惠性学前教育资源", "县域教师“县管校聘”改革");
        // a practice naming an indicator takes that rating's narrative; the other keeps its own words
        assertThat(signing.practices().get(0).indicatorCode()).isEqualTo("4.1.1");
        assertThat(signing.practices().get(0).text()).isEqualTo("全县学前三年毛入园率达到87.5%，新建公办幼儿园3所。");
        assertThat(signing.practices().get(1).indicatorCode()).isNull();
        assertThat(signing.practices().get(1).text()).startsWith("全县推行教师“县管校聘”管理改革");
        assertThat(signing.measures()).extracting(Evaluation.Measure::indicatorCode).containsExactly("4.1.1", null, null);
        assertThat(signing.measures().get(1).checkCode()).isEqualTo("funding-rule-failed");
        assertThat(signing.measures().get(1).checkSubject())
                .isEqualTo("funding.never_decrease.per_student_general_budget_expenditure");
        assertThat(signing.measures().get(2).text()).isEqualTo("持续改善办学条件，推进城乡义务教育一体化发展。");
    }

    @Test
    void aLateOlderRecordingDoesNotReplaceANewerOneAndPartsMayBeLeftToTheDefaults() throws Exception {
        String id = rated("990172");
        events.apply(Samples.sample(EventTypes.SELF_EVALUATION_SIGNING_RECORDED, "selfEvaluationId", id,
                "regionCode", "\"990172\"", "version", "50", "signingAuthority", "null", "signingDate", "null",
                "notablePractices", "[]"));
        events.apply(Samples.sample(EventTypes.SELF_EVALUATION_SIGNING_RECORDED, "selfEvaluationId", id,
                "regionCode", "\"990172\"", "version", "45"));

        Evaluation.Signing signing = evaluations.read("990172", 2025).orElseThrow().signing();
        assertThat(signing.version()).isEqualTo(50);
        assertThat(signing.authority()).isNull();
        assertThat(signing.date()).isNull();
        assertThat(signing.practices()).isEmpty();
        assertThat(signing.measures()).hasSize(3);
    }

    @Test
    void ratingsAndSigningsMoveTheSelfEvaluationsVersionAsItsOwnerDoes() throws Exception {
        // the owner counts every rating, signing and step on one version; so does the read model
        // (a resync reads the owner's current version, and the two must agree: bench/chaos)
        String id = rated("990174");
        assertThat(evaluations.read("990174", 2025).orElseThrow().version()).isEqualTo(3);
        events.apply(Samples.sample(EventTypes.RATING_RECORDED, "selfEvaluationId", id, "regionCode", "\"990174\"",
                "indicatorCode", "\"4.1.2\"", "version", "7"));
        assertThat(evaluations.read("990174", 2025).orElseThrow().version()).isEqualTo(7);
        events.apply(Samples.sample(EventTypes.SELF_EVALUATION_SIGNING_RECORDED, "selfEvaluationId", id,
                "regionCode", "\"990174\"", "version", "9"));
        assertThat(evaluations.read("990174", 2025).orElseThrow().version()).isEqualTo(9);
        // a late, older rating changes neither the rating held nor the version
        events.apply(Samples.sample(EventTypes.RATING_RECORDED, "selfEvaluationId", id, "regionCode", "\"990174\"",
                "indicatorCode", "\"4.1.2\"", "version", "5"));
        assertThat(evaluations.read("990174", 2025).orElseThrow().version()).isEqualTo(9);
    }

    @Test
    void aSelfEvaluationWithoutChoicesHasNoSigning() throws Exception {
        rated("990173");
        assertThat(evaluations.read("990173", 2025).orElseThrow().signing()).isNull();
    }
}
