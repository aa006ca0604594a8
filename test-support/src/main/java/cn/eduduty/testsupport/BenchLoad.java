package cn.eduduty.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;
import java.util.function.LongSupplier;

/**
 * Load for the limit benchmarks under {@code bench}: threads that send oversized requests without
 * pause while a normal request is timed.
 */
public final class BenchLoad {

    /** The timed figure, and how many of the attackers' calls were refused meanwhile. */
    public record UnderAttack(long millis, int refused) {
    }

    private BenchLoad() {
    }

    /**
     * Starts {@code attackers} threads, each calling {@code attack} (given the thread's number, for
     * alternating between kinds of request) until {@code measure} is done; measures after
     * {@code settleMillis}, once the attack is under way. A call counts as refused when it answers
     * one of {@code refusals}.
     */
    public static UnderAttack during(int attackers, IntUnaryOperator attack, Set<Integer> refusals, long settleMillis,
            LongSupplier measure) throws Exception {
        AtomicBoolean attacking = new AtomicBoolean(true);
        AtomicInteger refused = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(attackers);
        List<Future<?>> running = new ArrayList<>();
        for (int a = 0; a < attackers; a++) {
            int which = a;
            running.add(pool.submit(() -> {
                while (attacking.get()) {
                    if (refusals.contains(attack.applyAsInt(which))) {
                        refused.incrementAndGet();
                    }
                }
            }));
        }
        Thread.sleep(settleMillis);
        long millis;
        try {
            millis = measure.getAsLong();
        } finally {
            attacking.set(false);
            for (Future<?> f : running) {
                f.get();
            }
            pool.shutdown();
        }
        return new UnderAttack(millis, refused.get());
    }
}
