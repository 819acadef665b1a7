package io.leverwatch.kit.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Reads {@code Authorization: Bearer <key>} and, when the key is valid, authenticates its agency. */
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
                keys.agencyOf(key)
                        .ifPresent(agency ->
                                SecurityContextHolder.getContext().setAuthentication(new AgencyAuthentication(agency)));
            }
        }
        chain.doFilter(request, response);
    }
}
