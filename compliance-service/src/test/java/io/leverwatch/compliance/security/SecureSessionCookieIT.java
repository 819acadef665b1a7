package io.leverwatch.compliance.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** Behind HTTPS ({@code LEVERWATCH_SECURE_COOKIES=true}) the session cookie is also Secure, before and after sign-in. */
@TestPropertySource(properties = "LEVERWATCH_SECURE_COOKIES=true")
class SecureSessionCookieIT extends SignedInApi {

    @Test
    void theSessionCookieIsSecureHttpOnlyAndSameSite() throws Exception {
        DashboardClient.SignedIn signedIn = new DashboardClient(port).signIn();

        assertThat(signedIn.cookie()).contains("Secure").contains("HttpOnly").contains("SameSite=Lax");
        assertThat(signedIn.loginPage().headers().allValues("Set-Cookie"))
                .filteredOn(cookie -> cookie.startsWith("LEVERWATCH_SESSION="))
                .isNotEmpty()
                .allSatisfy(cookie -> assertThat(cookie).contains("Secure"));
        SecurityHeadersIT.assertSecurityHeaders(signedIn.loginPage().headers());
    }
}
