package cn.eduduty.chaos;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * How a real client must call the suite while things die: the same request again (same
 * idempotency key, same If-Match) after no answer, a 5xx or a 429, with growing pauses, until an
 * answer comes or its patience runs out.
 */
final class Retrying {

    private final Duration patience;
    private final SplittableRandom random;
    private final AtomicLong retries;

    Retrying(Duration patience, SplittableRandom random, AtomicLong retries) {
        this.patience = patience;
        this.random = random;
        this.retries = retries;
    }

    /** The first definite answer (2xx, or a 4xx other than 429); the last answer when patience ran out. */
    Http.Reply call(Supplier<Http.Reply> request) {
        long deadline = System.nanoTime() + patience.toNanos();
        long pause = 100;
        while (true) {
            Http.Reply reply = request.get();
            if (definite(reply) || System.nanoTime() > deadline) {
                return reply;
            }
            retries.incrementAndGet();
            sleep(pause + random.nextLong(pause));
            pause = Math.min(2000, pause * 2);
        }
    }

    static boolean definite(Http.Reply reply) {
        return reply.status() != 0 && reply.status() < 500 && reply.status() != 429;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
