package io.leverwatch.compliance.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leverwatch.compliance.operator.evidence.BundleLayout;
import io.leverwatch.compliance.operator.evidence.BundleVerifier;
import io.leverwatch.compliance.operator.evidence.ReportHtml;
import io.leverwatch.compliance.query.AlertView;
import io.leverwatch.compliance.testing.LegalCase;
import io.leverwatch.compliance.testing.ServicePublishers.Published;
import io.leverwatch.events.access.AccessRequestRefused;
import io.leverwatch.events.contract.AccountRegistered;
import io.leverwatch.events.contract.ContractRegistered;
import io.leverwatch.events.contract.ContractTerminated;
import io.leverwatch.events.contract.CriticalPeriodDeclared;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The case of LEGAL.md with HTML, script and SQL in every free text an agency sends (names, scope, account label,
 * termination reason, critical period, the refusal's statement) and in an officer's comment. It is stored as sent,
 * the SQL does nothing, and every page shows it as text: escaped in the raw HTML of the alert list, the alert's page,
 * the operator's contract page and the evidence bundle's report, and in a real browser no dialog opens and no
 * injected element exists.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InjectionIT extends DashboardIntegrationTest {

    static final String CLIENT = "Maison'); DROP TABLE alert_view; -- <script>alert('client')</script>";
    static final String AGENCY = "<svg onload=alert('agency')>";
    static final String SCOPE = "\"><script>alert('scope')</script>";
    static final String LABEL = "<img src=x onerror=alert('label')>";
    static final String REASON = "</td></tr></table><script>alert('reason')</script>";
    static final String PERIOD = "<iframe src=\"javascript:alert('period')\"></iframe>";
    static final String STATEMENT = "<img src=x onerror=\"alert('statement')\"> until payment";
    static final String COMMENT = "<script>alert('comment')</script> called the agency";
    static final List<String> HOSTILE = List.of(CLIENT, AGENCY, SCOPE, LABEL, REASON, PERIOD, STATEMENT, COMMENT);
    /** What an injected string would become in the page if it were not escaped. */
    static final List<String> RAW_TAGS = List.of("<script>alert", "<img src=x", "<svg onload", "<iframe");

    private static final Duration WAIT = Duration.ofSeconds(30);

    final HttpClient http = HttpClient.newHttpClient();
    Browser browser;
    PublishedCase hostile;
    AlertView alert;

    @BeforeAll
    void raiseTheAlertAndCommentOnIt() throws Exception {
        publishers();
        hostile = publishHostileCase();
        alert = awaitAlert(hostile);
        browser = Browser.start();
        signIn("officer", OFFICER_PASSWORD);
        browser.driver.get(url("/alerts/" + alert.id()));
        browser.driver.findElement(By.id("comment")).sendKeys(COMMENT);
        browser.driver.findElement(By.id("add-comment")).click();
        new WebDriverWait(browser.driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("notice")));
    }

    @AfterAll
    void stopBrowser() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theTextsAreStoredAsSentAndTheSqlDidNothing() throws Exception {
        JsonNode stored = storedData(bundle().get(BundleLayout.EVENTS));
        assertThat(stored.findValuesAsText("clientName")).containsExactly(CLIENT);
        assertThat(stored.findValuesAsText("agencyName")).containsExactly(AGENCY);
        assertThat(stored.findValuesAsText("label")).contains(LABEL);
        assertThat(stored.findValuesAsText("statement")).containsExactly(STATEMENT);
        assertThat(current(alert.id()).history())
                .anySatisfy(entry ->
                        assertThat(entry.details().path("text").asText()).isEqualTo(COMMENT));
        assertThat(alertOf(hostile.contractId()))
                .as("alert_view is still there")
                .isPresent();
    }

    @Test
    void theAlertListShowsNoInjectedMarkup() {
        signIn("officer", OFFICER_PASSWORD);
        assertInert(raw("/"), List.of());
        browser.driver.get(url("/"));
        assertNothingRan();
    }

    @Test
    void theAlertPageShowsTheTextsEscaped() {
        signIn("officer", OFFICER_PASSWORD);
        assertInert(raw("/alerts/" + alert.id()), List.of(CLIENT, AGENCY, SCOPE, LABEL, COMMENT));

        browser.driver.get(url("/alerts/" + alert.id()));
        assertNothingRan();
        assertThat(browser.driver.findElement(By.tagName("main")).getText())
                .contains(CLIENT, AGENCY, SCOPE, LABEL, COMMENT);
    }

    @Test
    void theOperatorsContractPageShowsTheTextsEscaped() {
        signIn("operator", OPERATOR_PASSWORD);
        String path = "/operator/contracts/" + hostile.contractId();
        assertInert(raw(path), List.of(LABEL));

        browser.driver.get(url(path));
        assertNothingRan();
        assertThat(browser.driver.findElement(By.tagName("main")).getText()).contains(LABEL);
    }

    @Test
    void theEvidenceReportShowsTheTextsEscaped() throws Exception {
        String report = new String(bundle().get(BundleLayout.REPORT_HTML), StandardCharsets.UTF_8);

        assertInert(report, List.of(CLIENT, AGENCY, SCOPE, LABEL, REASON));
    }

    /** The events as the inbox stored them, one JSON line each in the bundle's {@code events.jsonl}. */
    private JsonNode storedData(byte[] eventsJsonl) throws Exception {
        var events = springMapper.createArrayNode();
        for (String line : new String(eventsJsonl, StandardCharsets.UTF_8).split("\n")) {
            events.add(springMapper.readTree(line));
        }
        assertThat(events).as("stored events").isNotEmpty();
        return events;
    }

    private Map<String, byte[]> bundle() throws Exception {
        HttpResponse<byte[]> bundle = http.send(
                operatorRequest("/api/contracts/" + hostile.contractId() + "/evidence")
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(bundle.statusCode()).isEqualTo(200);
        return BundleVerifier.read(new ByteArrayInputStream(bundle.body()));
    }

    /** The hostile texts are nowhere raw, and those the page shows are there escaped. */
    private static void assertInert(String html, List<String> shown) {
        assertThat(html).doesNotContain(HOSTILE.toArray(String[]::new)).doesNotContain(RAW_TAGS.toArray(String[]::new));
        shown.forEach(text -> assertThat(html).contains(ReportHtml.escape(text)));
    }

    /** No dialog is open, and no element or script came from the injected texts. */
    private void assertNothingRan() {
        new WebDriverWait(browser.driver, WAIT)
                .until(d -> "complete".equals(browser.driver.executeScript("return document.readyState;")));
        try {
            String text = browser.driver.switchTo().alert().getText();
            throw new AssertionError("a dialog opened: " + text);
        } catch (NoAlertPresentException expected) {
            // No dialog: what was injected did not run.
        }
        assertThat(browser.driver.findElements(By.cssSelector("img[onerror], svg[onload], iframe, [onload]")))
                .isEmpty();
        assertThat(browser.driver.executeScript(
                        "return [...document.scripts].filter(s => s.text.includes('alert(')).length;"))
                .isEqualTo(0L);
    }

    /** The page's HTML as the server sent it, fetched with the browser's session. */
    private String raw(String path) {
        browser.driver.get(url("/login"));
        return (String) browser.driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0]).then(r => r.text()).then(done, e => done(String(e)));",
                path);
    }

    private PublishedCase publishHostileCase() {
        LegalCase legalCase = new LegalCase("c-" + UUID.randomUUID());
        List<Published> sent = new ArrayList<>();
        legalCase.contractEvents().forEach(e -> sent.add(services.publish(hostile(e), LegalCase.AGENCY)));
        legalCase.billingEvents().forEach(e -> sent.add(services.publish(e, LegalCase.AGENCY)));
        legalCase.overdueEvents().forEach(e -> sent.add(services.publishDerived(e)));
        legalCase.accessEvents().forEach(e -> sent.add(services.publish(hostile(e), LegalCase.AGENCY)));
        return new PublishedCase(legalCase, sent.get(sent.size() - 1).eventId());
    }

    /** The event with its free texts replaced by hostile ones. */
    private static Object hostile(Object event) {
        if (event instanceof ContractRegistered e) {
            return new ContractRegistered(
                    e.contractId(), e.agencyId(), AGENCY, e.clientId(), CLIENT, SCOPE, e.startDate(), e.occurredAt());
        } else if (event instanceof AccountRegistered e) {
            return new AccountRegistered(
                    e.contractId(), e.agencyId(), e.accountId(), e.platform(), LABEL, e.heldInNameOf(), e.occurredAt());
        } else if (event instanceof ContractTerminated e) {
            return new ContractTerminated(
                    e.contractId(), e.agencyId(), e.terminatedBy(), e.effectiveAt(), REASON, e.occurredAt());
        } else if (event instanceof CriticalPeriodDeclared e) {
            return new CriticalPeriodDeclared(e.contractId(), e.agencyId(), e.from(), e.to(), PERIOD, e.occurredAt());
        } else if (event instanceof AccessRequestRefused e) {
            return new AccessRequestRefused(e.accountId(), e.contractId(), e.reason(), STATEMENT, e.occurredAt());
        }
        return event;
    }

    private void signIn(String username, String password) {
        browser.driver.get(url("/login"));
        browser.driver.manage().deleteAllCookies();
        browser.driver.get(url("/login"));
        browser.driver.findElement(By.id("username")).sendKeys(username);
        browser.driver.findElement(By.id("password")).sendKeys(password);
        browser.driver
                .findElement(By.cssSelector("form button[type=submit].primary"))
                .click();
        new WebDriverWait(browser.driver, WAIT).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    private HttpRequest.Builder operatorRequest(String path) {
        String credentials = "operator:" + OPERATOR_PASSWORD;
        return HttpRequest.newBuilder(URI.create(url(path)))
                .header(
                        "Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
