package io.leverwatch.compliance.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.leverwatch.compliance.testing.LegalCase;
import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The operator's pages, signed in with the dashboard's form login: an auditor reads a contract's timeline and its
 * state at any instant and downloads its evidence, but may not replay; an operator replays and watches the progress.
 */
class OperatorPagesIT extends ComplianceIntegrationTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private LegalCase legalCase;

    @BeforeEach
    void aCaseInTheInbox() throws Exception {
        legalCase = new LegalCase("c-pages-" + UUID.randomUUID());
        legalCase.contractEvents().forEach(e -> services.publish(e, LegalCase.AGENCY));
        legalCase.billingEvents().forEach(e -> services.publish(e, LegalCase.AGENCY));
        legalCase.overdueEvents().forEach(services::publishDerived);
        String refusal = legalCase.accessEvents().stream()
                .map(e -> services.publish(e, LegalCase.AGENCY).eventId())
                .reduce((first, last) -> last)
                .orElseThrow();
        awaitAlert(
                legalCase.contractId,
                alert -> "CRITICAL".equals(alert.get("severity").asText())
                        && alert.get("evidence").findValuesAsText("id").contains(refusal)
                        && alert.get("overdueInvoices").size() == 2);
    }

    @Test
    void anAuditorReadsTheCaseFileAtAnyInstantButDoesNotReplay() throws Exception {
        Browser auditor = signIn("auditor", AUDITOR_PASSWORD);
        String page = "/operator/contracts/" + legalCase.contractId;

        HttpResponse<String> contract = auditor.get(page);
        assertThat(contract.statusCode()).isEqualTo(200);
        assertThat(contract.body())
                .contains(legalCase.contractId)
                .contains("type=\"range\"")
                .contains("leverwatch.access.request-refused")
                .contains("Download the evidence bundle");

        HttpResponse<String> before = auditor.htmx(page + "/state?asOf=2026-03-31T00:00:00Z");
        assertThat(before.body()).contains("No alert was called for").doesNotContain("<html");
        HttpResponse<String> during = auditor.htmx(page + "/state?asOf=2026-04-05T00:00:00Z");
        assertThat(during.body()).contains("Critical").contains("MISE_EN_DEMEURE");
        assertThat(auditor.htmx(page + "/state?asOf=tomorrow").body()).contains("needs a date-time");

        HttpResponse<byte[]> evidence = auditor.client.send(
                auditor.request(page + "/evidence").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(evidence.statusCode()).isEqualTo(200);
        assertThat(evidence.headers().firstValue("Content-Type")).hasValue("application/zip");

        HttpResponse<String> search = auditor.get("/operator?contractId=" + legalCase.contractId);
        assertThat(search.statusCode()).isEqualTo(302);
        assertThat(search.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith(page));
        HttpResponse<String> index = auditor.get("/operator");
        assertThat(index.body()).doesNotContain("Start the replay");
        assertThat(auditor.post("/operator/replay", csrf(index.body()), "").statusCode())
                .isEqualTo(403);
        assertThat(auditor.get("/operator/replay/progress").statusCode()).isEqualTo(403);
    }

    @Test
    void anOperatorReplaysAContractAndWatchesTheProgress() throws Exception {
        Browser operator = signIn("operator", OPERATOR_PASSWORD);
        HttpResponse<String> index = operator.get("/operator");
        assertThat(index.body()).contains("Start the replay").contains("Check now");

        HttpResponse<String> started =
                operator.post("/operator/replay", csrf(index.body()), "contractId=" + legalCase.contractId);
        assertThat(started.statusCode()).isEqualTo(302);

        long deadline = System.nanoTime() + PATIENCE.toNanos();
        String progress = "";
        while (System.nanoTime() < deadline && !progress.contains("Completed")) {
            progress = operator.htmx("/operator/replay/progress").body();
            Thread.sleep(100);
        }
        assertThat(progress).contains("Completed").contains("contract " + legalCase.contractId);
        assertThat(operator.htmx("/operator/integrity").body()).contains("Intact");
    }

    private Browser signIn(String user, String password) throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> login = browser.get("/login");
        HttpResponse<String> signedIn = browser.post(
                "/login",
                csrf(login.body()),
                "username=" + user + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        return browser;
    }

    private static String csrf(String html) {
        Matcher matcher = CSRF.matcher(html);
        assertThat(matcher.find()).as("a form with a CSRF token").isTrue();
        return matcher.group(1);
    }

    /** A client that keeps its session cookie, as a browser would. */
    private final class Browser {

        final HttpClient client =
                HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

        HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(uri(path));
        }

        HttpResponse<String> get(String path) throws Exception {
            return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> htmx(String path) throws Exception {
            return client.send(
                    request(path).header("HX-Request", "true").GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String csrf, String form) throws Exception {
            String body =
                    "_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8) + (form.isEmpty() ? "" : "&" + form);
            return client.send(
                    request(path)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
