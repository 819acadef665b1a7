package io.leverwatch.compliance.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The dashboard as a browser meets it, over real HTTP: every page (the sign-in page and, once signed in, the alert
 * list) carries a Content Security Policy without inline script, may not be framed, may not be sniffed, and limits
 * its referrer; the session cookie is HttpOnly and SameSite, and Secure when {@code LEVERWATCH_SECURE_COOKIES=true};
 * a form posted without its CSRF token is refused even with a valid session. ({@link SecureSessionCookieIT} is the
 * Secure variant.)
 */
class SecurityHeadersIT extends SignedInApi {

    DashboardClient dashboard() {
        return new DashboardClient(port);
    }

    @Test
    void pagesCarryTheirHeadersAndTheSessionCookieIsHttpOnlyAndSameSite() throws Exception {
        DashboardClient.SignedIn signedIn = dashboard().signIn();

        assertThat(signedIn.cookie())
                .contains("HttpOnly")
                .contains("SameSite=Lax")
                .doesNotContain("Secure");
        assertSecurityHeaders(signedIn.loginPage().headers());
        HttpResponse<String> alerts = dashboard().page(signedIn.session(), "/");
        assertThat(alerts.statusCode()).isEqualTo(200);
        assertSecurityHeaders(alerts.headers());
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefusedEvenWhenSignedIn() throws Exception {
        DashboardClient.SignedIn signedIn = dashboard().signIn();

        HttpResponse<String> forged =
                dashboard().postForm(signedIn.session(), "/alerts/alert-nowhere/acknowledge", "x=1");
        HttpResponse<String> withToken = dashboard()
                .postForm(
                        signedIn.session(),
                        "/alerts/alert-nowhere/acknowledge",
                        "_csrf=" + URLEncoder.encode(signedIn.csrf(), StandardCharsets.UTF_8));

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(withToken.statusCode())
                .as("the same post with its token passes the filter")
                .isNotEqualTo(403);
    }

    static void assertSecurityHeaders(HttpHeaders headers) {
        assertThat(headers.firstValue("Content-Security-Policy"))
                .hasValue(DashboardSecurity.CONTENT_SECURITY_POLICY)
                .hasValueSatisfying(csp ->
                        assertThat(csp).contains("frame-ancestors 'none'").doesNotContain("unsafe-inline"));
        assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(headers.firstValue("Referrer-Policy")).hasValue("same-origin");
    }
}
