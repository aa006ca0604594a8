package cn.eduduty.report.deadline;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * The deadline jobs as an operator watches them:
 * <ul>
 * <li>{@code eduduty.deadline.jobs} by {@code state}: {@code due} (pending and ready), {@code waiting}
 * (pending, backing off after a failed attempt) and {@code failed} (given up after
 * {@value DeadlineScheduler#MAX_ATTEMPTS} attempts), counted in the database every 15 s, so every
 * replica reports the same numbers (take the max, not the sum);</li>
 * <li>{@code eduduty.deadline.jobs.running}: the jobs this replica is generating now (sum them);</li>
 * <li>{@code eduduty.deadline.job.failures} by {@code outcome}: failed attempts on this replica,
 * {@code retrying} when the job will be tried again, {@code failed} when it was the last.</li>
 * </ul>
 */
@ApplicationScoped
class DeadlineMetrics {

    static final String DUE = "due";
    static final String WAITING = "waiting";
    static final String FAILED = "failed";

    private static final Logger LOG = Logger.getLogger(DeadlineMetrics.class);

    private final DeadlineQueries queries;
    private final MeterRegistry registry;
    private final Map<String, AtomicLong> jobs = new ConcurrentHashMap<>();
    private final AtomicInteger running = new AtomicInteger();

    DeadlineMetrics(DeadlineQueries queries, MeterRegistry registry) {
        this.queries = queries;
        this.registry = registry;
    }

    void register(@Observes StartupEvent event) {
        for (String state : new String[] { DUE, WAITING, FAILED }) {
            Gauge.builder("eduduty.deadline.jobs", jobs.computeIfAbsent(state, s -> new AtomicLong()), AtomicLong::get)
                    .description("Deadline jobs by state (due, waiting to retry, failed for good), as the database has them")
                    .tag("state", state).register(registry);
        }
        Gauge.builder("eduduty.deadline.jobs.running", running, AtomicInteger::get)
                .description("Deadline jobs this replica is generating now").register(registry);
        failures(true);
        failures(false);
    }

    @Scheduled(identity = "deadline-job-counts", every = "15s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            DeadlineQueries.JobCounts counts = queries.jobCounts();
            jobs.get(DUE).set(counts.due());
            jobs.get(WAITING).set(counts.waiting());
            jobs.get(FAILED).set(counts.failed());
        } catch (RuntimeException e) {
            // the database may be away; the gauges keep their last values
            LOG.debug("counting deadline jobs", e);
        }
    }

    /** Around a claimed job's generation. */
    void started() {
        running.incrementAndGet();
    }

    void finished() {
        running.decrementAndGet();
    }

    /** A job's attempt failed; {@code last} when the job is now FAILED. */
    void failed(boolean last) {
        failures(last).increment();
    }

    private Counter failures(boolean last) {
        return Counter.builder("eduduty.deadline.job.failures")
                .description("Failed attempts at a deadline job on this replica (failed: its last attempt)")
                .tag("outcome", last ? FAILED : "retrying").register(registry);
    }
}
