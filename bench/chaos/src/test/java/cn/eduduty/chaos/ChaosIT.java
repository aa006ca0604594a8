package cn.eduduty.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * The short fault-injection run in {@code ./mvnw verify}: the packaged suite, eight county clients
 * writing at least 1,000 times through the public APIs, the broker and one owner service killed
 * with SIGKILL, bad events on every topic; then every write is accounted for (bench/README.md,
 * "Crash-proof delivery"). A new seed each build, printed, so that CI keeps exploring and a
 * failure can be repeated with {@code -Dchaos.seed=N} or {@code bench/chaos/run --short --seed N}.
 */
class ChaosIT {

    @Test
    void underKilledProcessesNoAcknowledgedWriteIsLostDuplicatedOrReordered() throws Exception {
        Path root = Path.of("").toAbsolutePath().resolve("../..").normalize();
        long seed = Long.getLong("chaos.seed", System.currentTimeMillis() % 1_000_000);

        ChaosRun.Result result = new ChaosRun(ChaosRun.Options.quick(seed, root), System.out).run();

        String why = "seed " + seed + result.table() + String.join("\n", result.findings());
        assertThat(result.acknowledged()).as(why).isGreaterThanOrEqualTo(1_000);
        assertThat(result.faults()).as(why).startsWith("1 broker, 0 PostgreSQL, 1 service SIGKILLs; 6 bad events");
        assertThat(result.lost()).as(why).isZero();
        assertThat(result.duplicated()).as(why).isZero();
        assertThat(result.reordered()).as(why).isZero();
        assertThat(result.refused()).as(why).isZero();
        assertThat(result.readModelRows()).as(why).isGreaterThan(1_000);
        assertThat(result.readModelDifferent()).as(why).isZero();
        assertThat(result.figures()).as(why).isGreaterThan(100);
        assertThat(result.figuresDifferent()).as(why).isZero();
        assertThat(result.parkedInjected()).as("the malformed and foreign events are parked; " + why).isEqualTo(6);
        assertThat(result.parkedOther()).as(why).isZero();
        assertThat(result.outboxUnsent()).as(why).isZero();
        assertThat(result.outboxParked()).as(why).isZero();
        assertThat(result.clean()).as(why).isTrue();
    }
}
