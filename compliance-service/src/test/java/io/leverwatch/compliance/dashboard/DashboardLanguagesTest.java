package io.leverwatch.compliance.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;

class DashboardLanguagesTest {

    private final LocaleResolver resolver = new DashboardLanguages(false).localeResolver();

    @Test
    void takesTheBrowsersFirstLanguageThatTheDashboardSpeaks() {
        assertThat(resolve("fr-FR,fr;q=0.9,en;q=0.8")).isEqualTo(Locale.FRANCE);
        assertThat(resolve("de-DE,en-GB;q=0.7,fr;q=0.5")).isEqualTo(Locale.UK);
        assertThat(resolve("de-DE")).isEqualTo(Locale.UK);
        assertThat(resolve(null)).isEqualTo(Locale.UK);
    }

    @Test
    void theSwitchOverridesTheBrowserAndIgnoresOtherLanguages() throws Exception {
        MockHttpServletRequest request = request("en");
        MockHttpServletResponse response = new MockHttpServletResponse();
        request.setParameter("lang", "fr");
        new DashboardLanguages.LanguageSwitch().preHandle(request, response, new Object());
        assertThat(resolver.resolveLocale(request)).isEqualTo(Locale.FRANCE);
        assertThat(response.getCookie(DashboardLanguages.COOKIE).getValue()).isEqualTo("fr-FR");
        assertThat(response.getCookie(DashboardLanguages.COOKIE).isHttpOnly()).isTrue();

        MockHttpServletRequest other = request("fr");
        other.setParameter("lang", "de");
        MockHttpServletResponse untouched = new MockHttpServletResponse();
        new DashboardLanguages.LanguageSwitch().preHandle(other, untouched, new Object());
        assertThat(untouched.getCookie(DashboardLanguages.COOKIE)).isNull();
        assertThat(resolver.resolveLocale(other)).isEqualTo(Locale.FRANCE);
    }

    private Locale resolve(String acceptLanguage) {
        return resolver.resolveLocale(request(acceptLanguage));
    }

    private MockHttpServletRequest request(String acceptLanguage) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        if (acceptLanguage != null) {
            request.addHeader("Accept-Language", acceptLanguage);
            request.setPreferredLocales(java.util.Arrays.stream(acceptLanguage.split(","))
                    .map(tag -> Locale.forLanguageTag(tag.split(";")[0].trim()))
                    .toList());
        }
        request.setAttribute(DispatcherServlet.LOCALE_RESOLVER_ATTRIBUTE, resolver);
        return request;
    }
}
