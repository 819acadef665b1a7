package io.leverwatch.kit.security;

import io.leverwatch.kit.LeverwatchProperties;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Security of an agency-facing service: agencies authenticate with their API key; the published
 * contract (schemas, AsyncAPI, OpenAPI) and liveness are public; metrics are public only in the
 * embedded mode. Everything else needs a key. Once its key is known, an agency's events are rate-limited
 * ({@link RateLimitFilter}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitSettings.class)
@ConditionalOnProperty(name = "leverwatch.agency-api.enabled", havingValue = "true", matchIfMissing = true)
public class AgencyApiSecurity {

    @Bean
    SecurityFilterChain agencyApiFilterChain(
            HttpSecurity http, ApiKeys keys, LeverwatchProperties properties, RateLimitSettings rateLimit, Clock clock)
            throws Exception {
        ProblemAuthenticationEntryPoint problems = new ProblemAuthenticationEntryPoint("Bearer realm=\"leverwatch\"");
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .addFilterBefore(new ApiKeyFilter(keys), BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(auth -> {
                    auth.requestMatchers(
                                    "/schemas/**",
                                    "/asyncapi.yaml",
                                    "/v3/api-docs/**",
                                    "/swagger-ui/**",
                                    "/swagger-ui.html",
                                    "/actuator/health/**",
                                    "/actuator/info",
                                    "/error")
                            .permitAll();
                    if (properties.isEmbedded()) {
                        auth.requestMatchers("/actuator/prometheus", "/actuator/metrics/**")
                                .permitAll();
                    }
                    auth.requestMatchers("/api/**").hasRole("AGENCY");
                    auth.anyRequest().denyAll();
                });
        if (rateLimit.isEnabled()) {
            http.addFilterAfter(
                    new RateLimitFilter(
                            new TokenBuckets(rateLimit.getRequestsPerSecond(), rateLimit.getBurst(), clock)),
                    ApiKeyFilter.class);
        }
        return http.build();
    }

    /** Agency services have no users: this keeps Spring Boot from creating a default one with a password. */
    @Bean
    org.springframework.security.core.userdetails.UserDetailsService noUsers() {
        return username -> {
            throw new org.springframework.security.core.userdetails.UsernameNotFoundException("no users here");
        };
    }
}
