package io.leverwatch.kit.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One token bucket per agency: it holds up to {@code burst} tokens and refills at {@code ratePerSecond}; a request
 * takes one. Time comes from the injected clock, so the arithmetic is tested without waiting.
 */
public class TokenBuckets {

    private final double ratePerSecond;
    private final double burst;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public TokenBuckets(double ratePerSecond, int burst, Clock clock) {
        if (ratePerSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException(
                    "leverwatch.rate-limit: requests-per-second must be above 0 and burst at least 1");
        }
        this.ratePerSecond = ratePerSecond;
        this.burst = burst;
        this.clock = clock;
    }

    /**
     * Takes a token from the agency's bucket.
     *
     * @return zero when the request may go on; otherwise how long until a token is there
     */
    public Duration take(String agencyId) {
        Instant now = clock.instant();
        return buckets.computeIfAbsent(agencyId, id -> new Bucket(burst, now)).take(now);
    }

    private final class Bucket {
        private double tokens;
        private Instant refilled;

        Bucket(double tokens, Instant refilled) {
            this.tokens = tokens;
            this.refilled = refilled;
        }

        synchronized Duration take(Instant now) {
            if (now.isAfter(refilled)) {
                double seconds = Duration.between(refilled, now).toNanos() / 1e9;
                tokens = Math.min(burst, tokens + seconds * ratePerSecond);
                refilled = now;
            }
            if (tokens >= 1) {
                tokens -= 1;
                return Duration.ZERO;
            }
            return Duration.ofNanos(Math.max(1, Math.round((1 - tokens) / ratePerSecond * 1e9)));
        }
    }
}
