package io.leverwatch.compliance.security;

import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Security of the officer dashboard: everything the API chain ({@link OfficerApiSecurity}, tried first) does not
 * match. Officers sign in on {@code /login} with the same users as the API (bcrypt hashes, one
 * {@code UserDetailsService}); the session cookie is HttpOnly and SameSite=Lax, its secure flag is
 * {@code server.servlet.session.cookie.secure}. Every form carries a CSRF token; pages are sent with a Content
 * Security Policy that allows no inline script, and may not be framed.
 *
 * <p>Every role reads; only an OFFICER acts on an alert ({@code POST /alerts/{id}/{action}}). The operator's pages
 * ({@code /operator/**}) are for OPERATOR and AUDITOR.
 */
@Configuration(proxyBeanMethods = false)
public class DashboardSecurity {

    /** No inline script or style, nothing from elsewhere: the pages use only their own CSS and scripts. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self';"
            + " form-action 'self'; frame-ancestors 'none'";

    private static final String[] READERS = {Role.OFFICER.name(), Role.OPERATOR.name(), Role.AUDITOR.name()};

    @Bean
    @Order(2)
    SecurityFilterChain dashboardFilterChain(HttpSecurity http) throws Exception {
        // A live stream or an htmx request whose session ended gets 401, not the login page as its content, and is
        // not where the officer is sent back after signing in.
        RequestMatcher background = new OrRequestMatcher(
                PathPatternRequestMatcher.withDefaults().matcher("/dashboard/stream"),
                new RequestHeaderRequestMatcher("HX-Request", "true"));
        HttpStatusEntryPoint unauthorized = new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED);
        HttpSessionRequestCache pagesOnly = new HttpSessionRequestCache();
        pagesOnly.setRequestMatcher(new AndRequestMatcher(
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/**"),
                new NegatedRequestMatcher(background)));
        http.formLogin(login ->
                        login.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(logout -> logout.logoutUrl("/logout")
                        .logoutSuccessUrl("/login?logout")
                        .deleteCookies("LEVERWATCH_SESSION", "JSESSIONID")
                        .permitAll())
                .requestCache(cache -> cache.requestCache(pagesOnly))
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(unauthorized, background))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .authorizeHttpRequests(auth -> {
                    // The live stream's later dispatches and error pages belong to a request already authorised.
                    auth.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR)
                            .permitAll();
                    // Whatever its query (?lang=fr): formLogin's own permission is for the exact URLs only.
                    auth.requestMatchers(HttpMethod.GET, "/login", "/css/**", "/js/**", "/favicon.ico")
                            .permitAll();
                    // The API's description stays public, as before the dashboard had a chain.
                    auth.requestMatchers(HttpMethod.GET, "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                            .permitAll();
                    auth.requestMatchers(HttpMethod.POST, "/alerts/*/*").hasRole(Role.OFFICER.name());
                    auth.requestMatchers("/operator/replay/**", "/operator/integrity", "/operator/dead-letters/**")
                            .hasRole(Role.OPERATOR.name());
                    auth.requestMatchers("/operator", "/operator/**")
                            .hasAnyRole(Role.OPERATOR.name(), Role.AUDITOR.name());
                    auth.requestMatchers(HttpMethod.GET, "/", "/alerts/**", "/dashboard/**")
                            .hasAnyRole(READERS);
                    auth.anyRequest().denyAll();
                });
        return http.build();
    }
}
