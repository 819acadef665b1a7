package io.leverwatch.kit.security;

import io.leverwatch.kit.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads {@code Authorization: Bearer <key>} and, when the key is valid, authenticates its agency. While the database
 * is down the key cannot be checked: the answer is the ingestion's 503 with {@code Retry-After}, not a 500.
 */
public class ApiKeyFilter extends OncePerRequestFilter {

    private final ApiKeys keys;

    public ApiKeyFilter(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String key = header.substring(7).trim();
            if (!key.isEmpty() && key.length() <= 200) {
                try {
                    keys.agencyOf(key)
                            .ifPresent(agency -> SecurityContextHolder.getContext()
                                    .setAuthentication(new AgencyAuthentication(agency)));
                } catch (DataAccessResourceFailureException | TransientDataAccessException e) {
                    unavailable(response);
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }

    private static void unavailable(HttpServletResponse response) throws IOException {
        response.setHeader("Retry-After", "5");
        Problems.write(
                response,
                Problems.unavailable(
                        "the API key cannot be checked now; nothing was accepted: send the events again" + " later"));
    }
}
