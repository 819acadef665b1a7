package io.leverwatch.compliance.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.leverwatch.compliance.query.AlertView;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real headless Chromium, as an officer and an auditor use it: signing in, the list with an alert
 * raised before, a new alert arriving live without a reload, acknowledging and commenting on the alert's page, an
 * auditor without buttons whose forged POST is refused, a wrong password, and the French pages.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserIT extends DashboardIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    Browser browser;
    AlertView existing;

    @BeforeAll
    void startBrowser() throws Exception {
        publishers();
        existing = raiseCriticalAlert();
        browser = Browser.start();
    }

    @AfterAll
    void stopBrowser() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void signedOut() {
        browser.driver.get(url("/login"));
        browser.driver.manage().deleteAllCookies();
    }

    @AfterEach
    void keepTheLastPage(TestInfo test) throws Exception {
        browser.screenshot("last-" + test.getTestMethod().orElseThrow().getName());
    }

    @Test
    void aWrongPasswordIsRefused() {
        signIn("officer", "not-the-password");
        assertThat(browser.driver.getCurrentUrl()).endsWith("/login?error");
        assertThat(text("#login-error")).isEqualTo("Wrong user name or password.");
        browser.driver.get(url("/"));
        assertThat(browser.driver.getCurrentUrl()).endsWith("/login");
    }

    @Test
    void anOfficerSeesTheAlertsAndANewOneArrivesWithoutAReload() throws Exception {
        signIn("officer", OFFICER_PASSWORD);
        assertThat(browser.driver.getCurrentUrl()).isEqualTo(url("/"));
        assertThat(text("h1")).isEqualTo("Compliance alerts");
        assertThat(row(existing.id()).getText()).contains(existing.contractId(), "Critical", "Open");
        awaitLive();

        // Marks this page: a reload would lose the mark.
        browser.driver.executeScript("window.leverwatchMark = 'same page';");
        PublishedCase arriving = publishLegalCase();
        WebElement newRow = new WebDriverWait(browser.driver, WAIT)
                .until(ExpectedConditions.presenceOfElementLocated(
                        By.xpath("//table[@class='alerts']//tr[td/a[text()='" + arriving.contractId() + "']]")));
        assertThat(newRow.getText()).contains(arriving.contractId());
        assertThat(browser.driver.executeScript("return window.leverwatchMark;"))
                .isEqualTo("same page");
        awaitAlert(arriving);
        assertThat(browser.console()).noneMatch(line -> line.contains("Content Security Policy"));
        browser.screenshot("alert-list");
    }

    @Test
    void anOfficerAcknowledgesAndCommentsAndSeesBothInTheHistory() throws Exception {
        AlertView alert = raiseCriticalAlert();
        signIn("officer", OFFICER_PASSWORD);
        clickThenAwaitTheNextPage(By.linkText(alert.contractId()));
        assertThat(text("h1")).isEqualTo("Alert on contract " + alert.contractId());
        assertThat(text("main"))
                .contains(
                        "Agence Pixel",
                        "Maison Lefèvre",
                        "Facebook page Maison Lefèvre",
                        "€3,300.00",
                        "€80.00",
                        "Mise en demeure",
                        "Formal notice to pay",
                        "CPC art. 1405 to 1425",
                        "a lawyer should confirm it",
                        "Access request refused",
                        "https://erp.agence-pixel.example");

        clickThenAwaitTheNextPage(By.id("acknowledge"));
        assertThat(text("#notice")).isEqualTo("You acknowledged the alert.");
        assertThat(text("#alert-status")).isEqualTo("Acknowledged");

        browser.driver.findElement(By.id("comment")).sendKeys("Called the agency: access promised for Monday.");
        clickThenAwaitTheNextPage(By.id("add-comment"));
        assertThat(text("#notice")).isEqualTo("Your comment is added.");

        List<String> history = browser.driver.findElements(By.cssSelector("table.history tbody tr")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(history).anySatisfy(line -> assertThat(line).contains("officer", "Acknowledged"));
        assertThat(history)
                .anySatisfy(line -> assertThat(line)
                        .contains("officer", "Commented", "Called the agency: access promised for Monday."));
        assertThat(browser.console()).noneMatch(line -> line.contains("Content Security Policy"));
        browser.screenshot("alert-detail");
    }

    @Test
    void anAuditorSeesNoActionAndAForgedPostIsRefused() {
        signIn("auditor", AUDITOR_PASSWORD);
        browser.driver.get(url("/alerts/" + existing.id()));
        assertThat(browser.driver.findElements(By.cssSelector("#actions, #acknowledge, #dismiss, #add-comment")))
                .isEmpty();
        assertThat(text("#read-only")).contains("only compliance officers act on alerts");
        assertThat(browser.driver.findElements(By.linkText("Operator"))).hasSize(1);

        // The auditor's own session and CSRF token, sent by hand: the server still refuses.
        Object status = browser.driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "const token = document.querySelector('input[name=_csrf]').value;"
                        + "fetch(arguments[0], {method: 'POST', headers: {'Content-Type':"
                        + " 'application/x-www-form-urlencoded'}, body: '_csrf=' + encodeURIComponent(token),"
                        + " redirect: 'manual'}).then(r => done(r.status), e => done(String(e)));",
                "/alerts/" + existing.id() + "/acknowledge");
        assertThat(((Number) status).intValue()).isEqualTo(403);
        assertThat(current(existing.id()).status()).isEqualTo("OPEN");
    }

    @Test
    void theFrenchPagesShowFrenchLabelsAndTheProcedureNamesStayFrench() throws Exception {
        browser.driver.get(url("/login?lang=fr"));
        assertThat(text("h1")).isEqualTo("Connexion");
        assertThat(browser.driver
                        .findElement(By.cssSelector("label[for=password]"))
                        .getText())
                .isEqualTo("Mot de passe");
        signIn("officer", OFFICER_PASSWORD);
        awaitText("h1", "Alertes de conformité");
        assertThat(text("main")).containsIgnoringCase("Par gravité").contains("Critique", "Ouverte");
        browser.driver.get(url("/alerts/" + existing.id()));
        assertThat(text("main"))
                .contains("Fondement", "Mise en demeure", "Formal notice to pay", "un avocat doit la confirmer")
                .contains("Prendre en compte");
        assertThat(browser.driver.findElement(By.cssSelector("html")).getAttribute("lang"))
                .isEqualTo("fr");
        browser.screenshot("alert-detail-fr");
        browser.driver.get(url("/?lang=en"));
        awaitText("h1", "Compliance alerts");
    }

    /** Signs in from a fresh sign-in page, whose form carries the CSRF token of the current session. */
    private void signIn(String username, String password) {
        browser.driver.get(url("/login"));
        browser.driver.findElement(By.id("username")).sendKeys(username);
        browser.driver.findElement(By.id("password")).sendKeys(password);
        clickThenAwaitTheNextPage(By.cssSelector("form button[type=submit].primary"));
    }

    /**
     * Clicks a link or a form's button, then waits until the page it leaves is gone: a click returns before the
     * navigation it starts, and the next line would otherwise read the old page (its address, or its notice of the
     * action before).
     */
    private void clickThenAwaitTheNextPage(By target) {
        WebElement leaving = browser.driver.findElement(By.tagName("html"));
        browser.driver.findElement(target).click();
        new WebDriverWait(browser.driver, WAIT).until(ExpectedConditions.stalenessOf(leaving));
    }

    private void awaitLive() {
        new WebDriverWait(browser.driver, WAIT)
                .until(ExpectedConditions.attributeToBe(By.id("live-indicator"), "data-state", "on"));
    }

    private WebElement row(String alertId) {
        return browser.driver.findElement(By.cssSelector("tr[data-alert-id='" + alertId + "']"));
    }

    /** The element's text once the page has it: a click may still be navigating when the next line runs. */
    private String text(String css) {
        return new WebDriverWait(browser.driver, WAIT)
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)))
                .getText()
                .trim();
    }

    private void awaitText(String css, String expected) {
        new WebDriverWait(browser.driver, WAIT)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), expected));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
