package cn.eduduty.report.resync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import cn.eduduty.report.position.ReadModelLag;
import cn.eduduty.report.resync.OwnerStandIn.Request;
import cn.eduduty.runtime.persistence.Rows;
import cn.eduduty.testsupport.SuiteInfrastructure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The rebuild at start (eduduty.resync.at-start.*): with nothing recorded for its region, the
 * service reads the region from the owners with the token in the file, retries when an owner
 * fails (StandInOwners answers the first request 503), records the region as done and lets
 * deadlines go on; once recorded, a start reads nothing.
 */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
@WithTestResource(StandInOwners.class)
class ResyncAtStartTest {

    private static final String COUNTY = StandInOwners.AT_START;

    /** Injected by StandInOwners. */
    OwnerStandIn owners;

    @Inject
    ResyncAtStart atStart;

    @Inject
    ResyncService resync;

    @Inject
    ReadModelLag lag;

    @Inject
    EntityManager em;

    @Test
    void aRegionNotYetResynchronisedIsReadAtStartUntilItSucceedsAndThenNeverAgain() {
        await(() -> !atStart.pending());

        assertThat(resync.completed(COUNTY)).isTrue();
        assertThat(lag.resyncRunning()).isFalse();
        String by = QuarkusTransaction.requiringNew().call(() -> Rows.text(Rows.one(em,
                "SELECT completed_by FROM read_model_resync WHERE region_code = :r", q -> q.setParameter("r", COUNTY))
                .orElseThrow(), "completed_by"));
        assertThat(by).isEqualTo("start-up");
        assertThat(QuarkusTransaction.requiringNew().call(() -> Rows.whole(Rows.one(em,
                "SELECT count(*) AS n FROM rm_school WHERE county_code = :c", q -> q.setParameter("c", COUNTY))
                .orElseThrow(), "n"))).isEqualTo(2);
        // the first attempt met the 503, the second one read the county
        assertThat(owners.requests("/api/v1/regions/" + COUNTY)).hasSizeGreaterThanOrEqualTo(2);
        List<Request> asked = asked();
        assertThat(asked).allSatisfy(r -> assertThat(r.authorization())
                .isEqualTo("Bearer " + StandInOwners.TOKEN));

        // the next start (same database) finds the region recorded: it owes nothing and asks nothing
        atStart.onStart(new StartupEvent());
        await(() -> !atStart.pending());
        assertThat(lag.resyncRunning()).isFalse();
        assertThat(asked()).hasSameSizeAs(asked);
    }

    private List<Request> asked() {
        return owners.requests().stream()
                .filter(r -> r.path().contains(COUNTY) || COUNTY.equals(r.query().get("region"))).toList();
    }

    private static void await(BooleanSupplier condition) {
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited a minute").isBefore(until);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
