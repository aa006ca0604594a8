package cn.eduduty.report.resync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.eduduty.contracts.EventJson;
import cn.eduduty.contracts.EventTypes;
import cn.eduduty.contracts.indicator.SelfEvaluationSigningRecorded;

/**
 * A resync reads what a county signs from the self-evaluation as indicator-service answers it, and
 * rebuilds the same payload the event carried.
 */
class ResyncSigningTest {

    /** A self-evaluation as GET /api/v1/self-evaluations lists it, with the golden sample's choices. */
    static ObjectNode selfEvaluation() throws Exception {
        JsonNode golden = EventJson.mapper().readTree(EventJson.goldenSample(EventTypes.SELF_EVALUATION_SIGNING_RECORDED))
                .path("data");
        ObjectNode signing = EventJson.mapper().createObjectNode();
        signing.set("signingAuthority", golden.get("signingAuthority"));
        signing.set("signingDate", golden.get("signingDate"));
        signing.set("notablePractices", golden.get("notablePractices"));
        signing.set("improvementMeasures", golden.get("improvementMeasures"));
        signing.put("recordedBy", "county-editor@990101");
        signing.put("recordedAt", "2026-03-01T06:30:00Z");
        ObjectNode e = EventJson.mapper().createObjectNode();
        e.set("id", golden.get("selfEvaluationId"));
        e.set("frameworkId", golden.get("frameworkId"));
        e.put("regionCode", "990101");
        e.put("year", 2025);
        e.put("status", "APPROVED");
        e.put("version", 45);
        e.set("signing", signing);
        return e;
    }

    /** The self-evaluation as resync's indicator client reads it. */
    private static IndicatorClient.SelfEvaluation answered(ObjectNode selfEvaluation) {
        return EventJson.mapper().convertValue(selfEvaluation, IndicatorClient.SelfEvaluation.class);
    }

    @Test
    void rebuildsTheEventsPayloadUnderTheSelfEvaluationsVersion() throws Exception {
        SelfEvaluationSigningRecorded golden = EventJson.payload(
                EventJson.read(EventJson.goldenSample(EventTypes.SELF_EVALUATION_SIGNING_RECORDED)),
                EventTypes.SELF_EVALUATION_SIGNING_RECORDED);

        SelfEvaluationSigningRecorded read = ResyncService.signingOf(answered(selfEvaluation()), "990101", 45).orElseThrow();

        assertThat(read.version()).isEqualTo(45);
        assertThat(read).usingRecursiveComparison().ignoringFields("version").isEqualTo(golden);
    }

    @Test
    void absentPartsStayAbsent() throws Exception {
        ObjectNode e = selfEvaluation();
        ObjectNode signing = (ObjectNode) e.get("signing");
        signing.putNull("signingAuthority");
        signing.putNull("signingDate");
        signing.putArray("notablePractices");
        SelfEvaluationSigningRecorded read = ResyncService.signingOf(answered(e), "990101", 45).orElseThrow();
        assertThat(read.signingAuthority()).isNull();
        assertThat(read.signingDate()).isNull();
        assertThat(read.notablePractices()).isEmpty();
        assertThat(read.improvementMeasures()).hasSize(3);

        signing.put("signingDate", "2025-10-28");
        assertThat(ResyncService.signingOf(answered(e), "990101", 45).orElseThrow().signingDate())
                .isEqualTo(LocalDate.of(2025, 10, 28));
    }

    @Test
    void aSelfEvaluationWithoutChoicesHasNothingToRebuild() throws Exception {
        ObjectNode e = selfEvaluation();
        e.putNull("signing");
        assertThat(ResyncService.signingOf(answered(e), "990101", 45)).isEmpty();
        e.remove("signing");
        assertThat(ResyncService.signingOf(answered(e), "990101", 45)).isEmpty();
    }
}
