package cn.eduduty.report.ratelimit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import cn.eduduty.runtime.problem.ProblemException;
import cn.eduduty.runtime.security.Access;
import cn.eduduty.runtime.security.Roles;

/**
 * Bounds on-demand work per region: each generation, preview and PDF or Word rendering asked for
 * over HTTP takes a token from the bucket of the caller's region (the token's {@code region}
 * claim); an empty bucket is 429 with {@code Retry-After}. A region's use never slows another.
 *
 * <p>Not limited: deadline-driven generation (the scheduler calls the generator directly, never
 * through here) and the {@code system} role (the government's own systems, provisioned and
 * counted as clients, not people). The buckets live in each replica, so N replicas allow N times
 * the rate; a bound per replica is what protects each replica's CPU. SmallRye Fault Tolerance's
 * {@code @RateLimit} was not used: it is one bucket per method for everyone, so one county could
 * use up every county's share (decisions.md 24).
 */
@ApplicationScoped
public class GenerationRateLimit {

    /** Beyond this many regions, idle (full) buckets are dropped: there are about 3,200 counties and prefectures. */
    static final int MAX_BUCKETS = 10_000;

    private final RateLimitConfig config;
    private final JsonWebToken token;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    GenerationRateLimit(RateLimitConfig config, JsonWebToken token) {
        this.config = config;
        this.token = token;
    }

    /** Takes one token for the caller's region, or refuses with 429. Call after the access check. */
    public void acquire(Access access) {
        if (token.getGroups() != null && token.getGroups().contains(Roles.SYSTEM)) {
            return;
        }
        String region = access.region();
        long now = System.nanoTime();
        if (buckets.size() > MAX_BUCKETS) {
            buckets.values().removeIf(b -> b.isFull(now));
        }
        long waitNanos = buckets.computeIfAbsent(region, r -> new Bucket(config.perRegion(), config.period().toNanos(), now))
                .take(now);
        if (waitNanos > 0) {
            long seconds = (waitNanos + 999_999_999L) / 1_000_000_000L;
            throw ProblemException.tooManyRequests("Region " + region + " asked for more than " + config.perRegion()
                    + " generations, previews or renderings within " + config.period().toSeconds()
                    + " s; try again in " + seconds + " s", seconds);
        }
    }

    /** A token bucket: {@code capacity} tokens, refilled evenly over {@code periodNanos}. */
    static final class Bucket {
        private final double capacity;
        private final double tokensPerNano;
        private double tokens;
        private long last;

        Bucket(int capacity, long periodNanos, long now) {
            this.capacity = capacity;
            this.tokensPerNano = capacity / (double) periodNanos;
            this.tokens = capacity;
            this.last = now;
        }

        /** 0 when a token was taken, else the nanoseconds until one is available. */
        synchronized long take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / tokensPerNano);
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(long now) {
            tokens = Math.min(capacity, tokens + (now - last) * tokensPerNano);
            last = now;
        }
    }
}
