package cn.eduduty.report.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import cn.eduduty.report.ReadModelEvents;
import cn.eduduty.runtime.persistence.Rows;
import cn.eduduty.testsupport.Api;
import cn.eduduty.testsupport.SuiteInfrastructure;

/**
 * A deadline is known in advance, so its jobs start at its due time: with the periodic tick off,
 * the timer set when the deadline is registered generates the final report by itself, not before
 * the due time.
 */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
@TestProfile(DeadlineOnTimeTest.OnTime.class)
class DeadlineOnTimeTest {

    public static class OnTime implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // no periodic tick at all: only the timer can start the jobs
            return Map.of("eduduty.deadlines.on-time", "true", "eduduty.deadlines.every", "off");
        }
    }

    @Inject
    ReadModelEvents events;

    @Inject
    EntityManager em;

    /** Two deadlines known in advance: the first pass sets the timer again for the second. */
    @Test
    void theFinalReportsAreGeneratedAtTheirDueTimesWithoutATick() throws Exception {
        events.county("940100", "940101").load();
        Instant first = Instant.now().plusSeconds(3);
        Instant second = first.plusSeconds(4);
        String early = register(2025, first);
        String late = register(2024, second);
        for (Map.Entry<String, Instant> deadline : Map.of(early, first, late, second).entrySet()) {
            Tuple stored = awaitFinal(deadline.getKey());
            assertThat(Rows.text(stored, "region_code")).isEqualTo("940101");
            Instant generated = Rows.instant(stored, "generated_at");
            assertThat(generated).as("not before the due time")
                    .isAfterOrEqualTo(deadline.getValue().truncatedTo(ChronoUnit.MILLIS));
            System.out.printf("[deadline] final report stored %d ms after due%n",
                    Duration.between(deadline.getValue(), generated).toMillis());
        }
    }

    private static String register(int year, Instant due) {
        return Api.as(Api.PREFECTURE_REVIEWER, "940100").contentType("application/json")
                .body(Map.of("regionCode", "940101", "reportYear", year, "dueAt",
                        OffsetDateTime.ofInstant(due, ZoneOffset.UTC).toString()))
                .post("/api/v1/deadlines").then().statusCode(201).extract().path("id");
    }

    /** The deadline's final report (region, generated at), once the timer has made it; fails after 30 s. */
    private Tuple awaitFinal(String deadline) throws InterruptedException {
        Instant giveUp = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(giveUp)) {
            List<Tuple> rows = QuarkusTransaction.requiringNew().call(() -> Rows.list(em, """
                    SELECT region_code, generated_at FROM report_snapshot WHERE deadline_id = :d AND kind = 'FINAL'""",
                    q -> q.setParameter("d", UUID.fromString(deadline))));
            if (!rows.isEmpty()) {
                assertThat(rows).hasSize(1);
                return rows.get(0);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no final report of deadline " + deadline + " 30 s after it was due");
    }
}
