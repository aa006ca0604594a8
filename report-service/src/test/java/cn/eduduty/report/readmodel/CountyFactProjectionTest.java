package cn.eduduty.report.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import cn.eduduty.contracts.EventTypes;
import cn.eduduty.report.ReadModelEvents;
import cn.eduduty.report.Samples;
import cn.eduduty.report.figures.CountyFactFigures;
import cn.eduduty.report.figures.CountyFacts;
import cn.eduduty.report.figures.CountyFactsInputs;
import cn.eduduty.report.figures.Figure;
import cn.eduduty.testsupport.SuiteInfrastructure;

/**
 * The registry's county-fact samples, applied through the inbox, land in the read model under their
 * version guard and read back as a county's and a prefecture's {@link CountyFacts}.
 */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class CountyFactProjectionTest {

    private static final String PREFECTURE = "980100";
    private static final String A = "980101";
    private static final String B = "980102";

    @Inject
    ReadModelEvents events;

    @Inject
    CountyFactsInputs inputs;

    @BeforeEach
    void counties() throws Exception {
        for (String county : new String[] { A, B }) {
            events.apply(Samples.sample(EventTypes.REGION_CHANGED, "code", "\"" + county + "\"", "parentCode", "\"" + PREFECTURE + "\""));
        }
    }

    @Test
    void goldenSamplesReadBackAsTheCountysFacts() throws Exception {
        events.apply(Samples.sample(EventTypes.SENIOR_ENTRANCE_RECORDED, "regionCode", "\"" + A + "\""));
        events.apply(Samples.sample(EventTypes.TEACHER_RECRUITMENT_RECORDED, "regionCode", "\"" + A + "\""));
        events.apply(Samples.sample(EventTypes.TRAINING_INSTITUTIONS_RECORDED, "regionCode", "\"" + A + "\""));

        CountyFacts facts = inputs.read(A);
        CountyFacts.Entrance entrance = facts.entrance().get(2025);
        assertThat(facts.complete(entrance)).isTrue();
        assertThat(entrance.generalEntrants()).isEqualTo(1620);
        assertThat(entrance.vocationalEntrants()).isEqualTo(780 + 410);
        assertThat(entrance.generalEnrolmentPlan()).isEqualTo(1650);
        assertThat(facts.recruitment().get(2025).ruralRecruited()).isEqualTo(88);
        assertThat(facts.training().get(2025).kinds().get("SUBJECT").closed()).isEqualTo(9);
        assertThat(facts.training().get(2025).inspections()).isEqualTo(24);

        Figure ratio = CountyFactFigures.compute(facts, 2025, 2025).stream()
                .filter(f -> f.key().equals(CountyFactFigures.RATIO_KEY)).findFirst().orElseThrow();
        assertThat(ratio.value()).isEqualByComparingTo(new BigDecimal("1.36")); // 1620 : 1190
        assertThat(ratio.sources()).extracting(Figure.Source::entity).containsExactly("senior-entrance");
    }

    @Test
    void aLateOlderVersionDoesNotOverwriteANewerOne() throws Exception {
        events.apply(Samples.sample(EventTypes.TEACHER_RECRUITMENT_RECORDED, "regionCode", "\"" + A + "\"", "year", "2019",
                "recruited", "140", "version", "4"));
        events.apply(Samples.sample(EventTypes.TEACHER_RECRUITMENT_RECORDED, "regionCode", "\"" + A + "\"", "year", "2019",
                "recruited", "100", "version", "2"));
        assertThat(inputs.read(A).recruitment().get(2019).recruited()).isEqualTo(140);
        events.apply(Samples.sample(EventTypes.TEACHER_RECRUITMENT_RECORDED, "regionCode", "\"" + A + "\"", "year", "2019",
                "recruited", "150", "version", "5"));
        assertThat(inputs.read(A).recruitment().get(2019).recruited()).isEqualTo(150);
    }

    @Test
    void aPrefectureSumsItsCountiesAndUsesAYearOnlyWhenEveryCountyRecordedIt() throws Exception {
        events.apply(Samples.sample(EventTypes.SENIOR_ENTRANCE_RECORDED, "regionCode", "\"" + A + "\"", "year", "2024"));
        events.apply(Samples.sample(EventTypes.SENIOR_ENTRANCE_RECORDED, "regionCode", "\"" + B + "\"", "year", "2024",
                "examTakers", "null", "generalEntrants", "380"));
        events.apply(Samples.sample(EventTypes.SENIOR_ENTRANCE_RECORDED, "regionCode", "\"" + B + "\"", "year", "2023"));

        CountyFacts prefecture = inputs.read(PREFECTURE);
        assertThat(prefecture.counties()).containsExactly(A, B);
        CountyFacts.Entrance both = prefecture.entrance().get(2024);
        assertThat(prefecture.complete(both)).isTrue();
        assertThat(both.generalEntrants()).isEqualTo(1620 + 380);
        assertThat(both.examTakers()).as("one county did not record its exam takers").isNull();
        assertThat(prefecture.complete(prefecture.entrance().get(2023))).isFalse();
        Figure partial = CountyFactFigures.compute(prefecture, 2023, 2023).stream()
                .filter(f -> f.key().equals("registry.entrance.general_entrants")).findFirst().orElseThrow();
        assertThat(partial.isPresent()).isFalse();
        assertThat(partial.absentReason()).contains("仅有1个县").contains("共2个");
    }
}
