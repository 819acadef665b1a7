package io.leverwatch.compliance.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.leverwatch.compliance.query.AlertView;
import io.leverwatch.compliance.query.HistoryEntry;
import io.leverwatch.compliance.security.DashboardSecurity;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The dashboard's controllers behind their security chain: every officer action is allowed to an OFFICER and lands
 * in the alert's history, is refused (403) to an AUDITOR and an OPERATOR, and is refused without its CSRF token;
 * signing in checks the password; pages carry their security headers and speak the reader's language.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardSecurityIT extends DashboardIntegrationTest {

    @Autowired
    WebApplicationContext context;

    MockMvc mvc;
    /** An alert that only refused actions are tried on: it must stay as it was. */
    AlertView untouched;

    @BeforeAll
    void setUp() throws Exception {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
        publishers();
        untouched = raiseCriticalAlert();
    }

    static Stream<Arguments> actions() {
        return Stream.of(
                Arguments.of("acknowledge", new String[0]),
                Arguments.of("assign", new String[] {"to", "me"}),
                Arguments.of("assign", new String[] {"to", "colleague", "assignee", "officer"}),
                Arguments.of("comment", new String[] {"text", "A comment"}),
                Arguments.of("dismiss", new String[] {"justification", "No action needed"}));
    }

    static Stream<Arguments> refusedRolesAndActions() {
        return actions()
                .flatMap(action -> Stream.of("AUDITOR", "OPERATOR")
                        .map(role -> Arguments.of(role, action.get()[0], action.get()[1])));
    }

    @Test
    void anOfficerAcknowledgesAssignsCommentsAndDismissesAndEachShowsInTheHistory() throws Exception {
        String id = raiseCriticalAlert().id();

        act(id, "acknowledge")
                .andExpect(redirectedUrl("/alerts/" + id))
                .andExpect(flash().attribute("done", "acknowledged"));
        act(id, "assign", "to", "me").andExpect(flash().attribute("done", "assigned"));
        assertThat(current(id).assignee()).isEqualTo("officer");
        act(id, "assign", "to", "colleague", "assignee", "officer").andExpect(flash().attribute("done", "assigned"));
        act(id, "assign", "to", "colleague", "assignee", "auditor")
                .andExpect(flash().attribute("refused", "assignee-unknown"));
        act(id, "comment", "text", "Called the agency: access promised for Monday.")
                .andExpect(flash().attribute("done", "commented"));
        act(id, "comment", "text", "  ").andExpect(flash().attribute("refused", "text"));
        act(id, "dismiss").andExpect(flash().attribute("refused", "justification"));
        act(id, "dismiss", "justification", "The agency handed the codes back.")
                .andExpect(redirectedUrl("/alerts/" + id))
                .andExpect(flash().attribute("done", "dismissed"));
        act(id, "acknowledge").andExpect(flash().attribute("refused", "closed"));

        AlertView alert = current(id);
        assertThat(alert.status()).isEqualTo("DISMISSED");
        assertThat(alert.dismissalJustification()).isEqualTo("The agency handed the codes back.");
        List<HistoryEntry> byOfficers = alert.history().stream()
                .filter(h -> h.actorKind().equals("OFFICER"))
                .toList();
        assertThat(byOfficers)
                .extracting(HistoryEntry::what)
                .containsExactly("ACKNOWLEDGED", "ASSIGNED", "ASSIGNED", "COMMENTED", "DISMISSED");
        assertThat(byOfficers).extracting(HistoryEntry::actor).containsOnly("officer");
        assertThat(byOfficers).allSatisfy(h -> assertThat(h.at()).isNotNull());

        String page = mvc.perform(get("/alerts/" + id).with(user("auditor").roles("AUDITOR")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("Called the agency: access promised for Monday.")
                .contains("The agency handed the codes back.")
                .contains("Acknowledged", "Assigned", "Commented", "Dismissed")
                .doesNotContain("id=\"acknowledge\"");
    }

    @ParameterizedTest(name = "{0} may not {1}")
    @MethodSource("refusedRolesAndActions")
    void auditorsAndOperatorsAreRefused(String role, String action, String[] params) throws Exception {
        mvc.perform(action(untouched.id(), action, params)
                        .with(user(role.toLowerCase()).roles(role))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(current(untouched.id()).version()).isEqualTo(untouched.version());
    }

    @ParameterizedTest(name = "{0} without a CSRF token")
    @MethodSource("actions")
    void anActionWithoutItsCsrfTokenIsRefused(String action, String[] params) throws Exception {
        mvc.perform(action(untouched.id(), action, params).with(user("officer").roles("OFFICER")))
                .andExpect(status().isForbidden());
        mvc.perform(action(untouched.id(), action, params)
                        .with(user("officer").roles("OFFICER"))
                        .with(csrf().useInvalidToken()))
                .andExpect(status().isForbidden());
        assertThat(current(untouched.id()).version()).isEqualTo(untouched.version());
    }

    @Test
    void nobodyActsWithoutSigningIn() throws Exception {
        mvc.perform(action(untouched.id(), "acknowledge", new String[0])
                        .accept(MediaType.TEXT_HTML)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("**/login"));
        mvc.perform(get("/").accept(MediaType.TEXT_HTML))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("**/login"));
        mvc.perform(get("/dashboard/stream").accept(MediaType.TEXT_EVENT_STREAM))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/").accept(MediaType.TEXT_HTML).header("HX-Request", "true"))
                .andExpect(status().isUnauthorized());
        assertThat(current(untouched.id()).version()).isEqualTo(untouched.version());
    }

    @Test
    void signingInChecksThePassword() throws Exception {
        mvc.perform(formLogin("/login").user("officer").password("not-the-password"))
                .andExpect(redirectedUrl("/login?error"))
                .andExpect(unauthenticated());
        mvc.perform(formLogin("/login").user("nobody").password(OFFICER_PASSWORD))
                .andExpect(redirectedUrl("/login?error"))
                .andExpect(unauthenticated());
        mvc.perform(post("/login").param("username", "officer").param("password", OFFICER_PASSWORD))
                .andExpect(status().isForbidden());
        mvc.perform(formLogin("/login").user("officer").password(OFFICER_PASSWORD))
                .andExpect(redirectedUrl("/"))
                .andExpect(authenticated().withUsername("officer").withRoles("OFFICER"));
        mvc.perform(post("/logout").with(user("officer").roles("OFFICER")).with(csrf()))
                .andExpect(redirectedUrl("/login?logout"))
                .andExpect(unauthenticated());
    }

    @Test
    void pagesCarryTheirSecurityHeaders() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Security-Policy", DashboardSecurity.CONTENT_SECURITY_POLICY));
        assertThat(DashboardSecurity.CONTENT_SECURITY_POLICY)
                .contains("script-src 'self';")
                .contains("frame-ancestors 'none'")
                .doesNotContain("unsafe-inline")
                .doesNotContain("unsafe-eval");
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSite() throws Exception {
        HttpResponse<String> login = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("name=\"_csrf\"");
        assertThat(login.headers().allValues("Set-Cookie"))
                .anySatisfy(cookie -> assertThat(cookie)
                        .startsWith("LEVERWATCH_SESSION=")
                        .contains("HttpOnly")
                        .contains("SameSite=Lax"));

        // A form posted from elsewhere carries no token: refused, with the dashboard's own page.
        HttpResponse<String> forged = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        "http://127.0.0.1:" + port + "/alerts/" + untouched.id() + "/acknowledge"))
                                .header("Accept", "text/html")
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("x=1"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("<h1>Not allowed</h1>");
    }

    @Test
    void theApiKeepsItsOwnChain() throws Exception {
        String basic = "Basic "
                + Base64.getEncoder().encodeToString(("officer:" + OFFICER_PASSWORD).getBytes(StandardCharsets.UTF_8));
        mvc.perform(get("/api/alerts/" + untouched.id()).header("Authorization", basic))
                .andExpect(status().isOk());
        mvc.perform(post("/api/alerts/" + untouched.id() + "/acknowledge")
                        .with(user("auditor").roles("AUDITOR")))
                .andExpect(status().isForbidden());
    }

    @Test
    void pagesSpeakTheReadersLanguage() throws Exception {
        mvc.perform(get("/").with(user("auditor").roles("AUDITOR")).header("Accept-Language", "fr-FR,fr;q=0.9"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Alertes de conformité")));
        mvc.perform(get("/").with(user("auditor").roles("AUDITOR")).header("Accept-Language", "de-DE,en;q=0.5"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Compliance alerts")));
        mvc.perform(get("/alerts/" + untouched.id())
                        .with(user("auditor").roles("AUDITOR"))
                        .header("Accept-Language", "en")
                        .param("lang", "fr"))
                .andExpect(header().string("Set-Cookie", org.hamcrest.Matchers.containsString("LEVERWATCH_LANG=fr")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Injonction de payer")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Order for payment")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Fondement")));
        mvc.perform(get("/login?lang=fr").header("Accept-Language", "en"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Mot de passe")));
        mvc.perform(get("/alerts/alert-unknown").with(user("auditor").roles("AUDITOR")))
                .andExpect(status().isNotFound());
    }

    private org.springframework.test.web.servlet.ResultActions act(String alertId, String action, String... params)
            throws Exception {
        return mvc.perform(action(alertId, action, params)
                        .with(user("officer").roles("OFFICER"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
    }

    private static MockHttpServletRequestBuilder action(String alertId, String action, String[] params) {
        MockHttpServletRequestBuilder request = post("/alerts/{id}/{action}", alertId, action);
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return request;
    }
}
