package cn.eduduty.testsupport;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.IntSupplier;

/** Timing for the benchmarks under {@code bench}: medians of HTTP calls that must answer as expected. */
public final class BenchTiming {

    private BenchTiming() {
    }

    /**
     * Median in milliseconds of {@code runs} timed calls after {@code warmups} untimed ones, each of
     * which must answer {@code status}.
     */
    public static long median(int warmups, int runs, IntSupplier call, int status) {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < warmups + runs; i++) {
            long start = System.nanoTime();
            int got = call.getAsInt();
            long ms = (System.nanoTime() - start) / 1_000_000;
            if (got != status) {
                throw new AssertionError("expected " + status + ", got " + got);
            }
            if (i >= warmups) {
                times.add(ms);
            }
        }
        Collections.sort(times);
        return times.get(times.size() / 2);
    }
}
