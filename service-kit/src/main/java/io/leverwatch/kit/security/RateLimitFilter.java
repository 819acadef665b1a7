package io.leverwatch.kit.security;

import io.leverwatch.kit.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits each agency's {@code POST /api/events} to its token bucket: past it, 429 with {@code Retry-After} (whole
 * seconds) and a problem. It runs after the key is checked, so it counts agencies, never anonymous callers (those
 * get 401 anyway), and one flooding agency never slows another. The inbound topics need no limit: the consumer
 * reads at its own pace.
 */
public class RateLimitFilter extends OncePerRequestFilter {

    private final TokenBuckets buckets;

    public RateLimitFilter(TokenBuckets buckets) {
        this.buckets = buckets;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !"/api/events"
                        .equals(request.getRequestURI()
                                .substring(request.getContextPath().length()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof AgencyAuthentication agency) {
            Duration wait = buckets.take(agency.agencyId());
            if (!wait.isZero()) {
                refuse(response, wait);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static void refuse(HttpServletResponse response, Duration wait) throws IOException {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        ProblemDetail problem = Problems.problem(
                HttpStatus.TOO_MANY_REQUESTS,
                "rate-limited",
                "Too many requests",
                "your agency sends faster than its limit: retry in " + seconds + " s");
        problem.setProperty("retryAfterSeconds", seconds);
        response.setHeader("Retry-After", Long.toString(seconds));
        Problems.write(response, problem);
    }
}
