package io.leverwatch.kit.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How fast one agency may send on {@code POST /api/events} ({@code leverwatch.rate-limit.*}, e.g.
 * {@code LEVERWATCH_RATE_LIMIT_REQUESTS_PER_SECOND}). The defaults are far above what one agency's systems send (and
 * meant to stay out of the bench's way): the limit is there to stop a runaway client, not to shape normal traffic.
 */
@ConfigurationProperties("leverwatch.rate-limit")
public class RateLimitSettings {

    /** Whether requests are counted at all. */
    private boolean enabled = true;

    /** Requests per second an agency may keep up (the bucket's refill rate). */
    private double requestsPerSecond = 2_000;

    /** Requests an agency may send at once after a quiet time (the bucket's size). */
    private int burst = 4_000;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public double getRequestsPerSecond() {
        return requestsPerSecond;
    }

    public void setRequestsPerSecond(double requestsPerSecond) {
        this.requestsPerSecond = requestsPerSecond;
    }

    public int getBurst() {
        return burst;
    }

    public void setBurst(int burst) {
        this.burst = burst;
    }
}
