package io.leverwatch.compliance.security;

import io.leverwatch.kit.LeverwatchProperties;
import io.leverwatch.kit.security.ProblemAuthenticationEntryPoint;
import jakarta.servlet.DispatcherType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Security of the compliance API: HTTP Basic, stateless, on {@code /api/**} and {@code /actuator/**} only, so
 * that the dashboard can add its own chain (form login) for the rest.
 *
 * <p>Every role reads alerts; only an OFFICER acts on them. Users are the demo users in embedded mode, otherwise the
 * {@code compliance_user} table; there is no default user.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(UserSettings.class)
public class OfficerApiSecurity {

    private static final String[] READERS = {Role.OFFICER.name(), Role.OPERATOR.name(), Role.AUDITOR.name()};

    @Bean
    @Order(1)
    SecurityFilterChain officerApiFilterChain(HttpSecurity http, LeverwatchProperties properties) throws Exception {
        ProblemAuthenticationEntryPoint problems = new ProblemAuthenticationEntryPoint("Basic realm=\"leverwatch\"");
        http.securityMatcher("/api/**", "/actuator/**")
                .csrf(AbstractHttpConfigurer::disable) // no cookies: every request carries its credentials
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(auth -> {
                    // The live stream's later dispatches belong to a request already authorised.
                    auth.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR)
                            .permitAll();
                    auth.requestMatchers("/actuator/health/**", "/actuator/info")
                            .permitAll();
                    if (properties.isEmbedded()) {
                        auth.requestMatchers("/actuator/prometheus", "/actuator/metrics/**")
                                .permitAll();
                    }
                    auth.requestMatchers("/actuator/**").hasRole(Role.OPERATOR.name());
                    auth.requestMatchers(HttpMethod.GET, "/api/alerts", "/api/alerts/**")
                            .hasAnyRole(READERS);
                    auth.requestMatchers(HttpMethod.POST, "/api/alerts/*/*").hasRole(Role.OFFICER.name());
                    // Operators' case files and operations (compliance.operator).
                    auth.requestMatchers(HttpMethod.GET, "/api/contracts/**")
                            .hasAnyRole(Role.OPERATOR.name(), Role.AUDITOR.name());
                    auth.requestMatchers("/api/admin/**").hasRole(Role.OPERATOR.name());
                    auth.anyRequest().denyAll();
                });
        return http.build();
    }

    /** Hashes with bcrypt; stored hashes name their algorithm ({@code {bcrypt}...}). */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    ComplianceUserStore complianceUserStore(JdbcTemplate jdbc) {
        return new ComplianceUserStore(jdbc);
    }

    /** Being the only one, it also keeps Spring Boot from generating a default user. */
    @Bean
    UserDetailsService complianceUsers(
            LeverwatchProperties properties,
            UserSettings settings,
            PasswordEncoder encoder,
            ComplianceUserStore store) {
        return properties.isEmbedded() ? DemoUsers.inMemory(settings.getDemoUsers(), encoder) : store::load;
    }

    @Bean
    @ConditionalOnProperty(name = "leverwatch.embedded", havingValue = "false", matchIfMissing = true)
    BootstrapUsers bootstrapUsers(ComplianceUserStore store, UserSettings settings) {
        return new BootstrapUsers(store, settings.getBootstrapUsers());
    }
}
