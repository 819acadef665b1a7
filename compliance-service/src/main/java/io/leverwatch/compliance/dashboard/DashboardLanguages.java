package io.leverwatch.compliance.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The dashboard speaks English and French: the browser's preferred one of the two (Accept-Language), until the
 * reader picks one with {@code ?lang=fr} or {@code ?lang=en}, which a cookie then remembers. English is written the
 * British way (1 Apr 2026, 10:00), like the rest of Europe the officers work in.
 */
@Configuration(proxyBeanMethods = false)
class DashboardLanguages implements WebMvcConfigurer {

    static final List<Locale> SUPPORTED = List.of(Locale.UK, Locale.FRANCE);
    static final String COOKIE = "LEVERWATCH_LANG";
    static final String PARAMETER = "lang";

    private final boolean secureCookies;

    DashboardLanguages(@Value("${server.servlet.session.cookie.secure:false}") boolean secureCookies) {
        this.secureCookies = secureCookies;
    }

    /** The name is the one the DispatcherServlet looks for; it replaces Spring Boot's Accept-Language resolver. */
    @Bean(name = "localeResolver")
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver(COOKIE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSameSite("Lax");
        resolver.setCookieSecure(secureCookies);
        resolver.setDefaultLocaleFunction(DashboardLanguages::preferred);
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new LanguageSwitch()).excludePathPatterns("/api/**", "/actuator/**");
    }

    /** The first of the browser's languages that the dashboard speaks; English when none. */
    static Locale preferred(HttpServletRequest request) {
        for (Locale wanted : Collections.list(request.getLocales())) {
            for (Locale supported : SUPPORTED) {
                if (supported.getLanguage().equals(wanted.getLanguage())) {
                    return supported;
                }
            }
        }
        return Locale.UK;
    }

    /** {@code ?lang=fr|en} switches the language; any other value is ignored. */
    static final class LanguageSwitch implements HandlerInterceptor {

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            String lang = request.getParameter(PARAMETER);
            if (lang == null) {
                return true;
            }
            for (Locale supported : SUPPORTED) {
                if (supported.getLanguage().equalsIgnoreCase(lang.trim())) {
                    LocaleResolver resolver =
                            org.springframework.web.servlet.support.RequestContextUtils.getLocaleResolver(request);
                    if (resolver != null) {
                        resolver.setLocale(request, response, supported);
                    }
                }
            }
            return true;
        }
    }
}
