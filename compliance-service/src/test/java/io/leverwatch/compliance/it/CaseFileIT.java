package io.leverwatch.compliance.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leverwatch.compliance.operator.evidence.BundleLayout;
import io.leverwatch.compliance.operator.evidence.BundleVerifier;
import io.leverwatch.compliance.operator.evidence.BundleWriter;
import io.leverwatch.compliance.testing.LegalCase;
import io.leverwatch.compliance.testing.ServicePublishers.Published;
import io.leverwatch.events.contract.CriticalPeriodDeclared;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A contract's case file on the real stack: the case of LEGAL.md arrives out of order, and the agency's lockout
 * events arrive late, after everything else was received. The timeline lists every event in business time; the
 * state as of an instant and as known at an instant tells what happened and what the platform knew; the evidence
 * bundle verifies, its PDF opens, and the verify command names a removed event.
 */
class CaseFileIT extends ComplianceIntegrationTest {

    private static final String SCRIPT = "<script>alert('pwned')</script>";

    @TempDir
    Path dir;

    private LegalCase legalCase;
    private final List<Published> sent = new ArrayList<>();
    private final List<Published> late = new ArrayList<>();
    private Instant knownBeforeTheLateEvents;
    private JsonNode liveAlert;

    @BeforeEach
    void theCaseArrivesOutOfOrderAndPartlyLate() throws Exception {
        legalCase = new LegalCase("c-" + UUID.randomUUID());
        // The client's request arrives first, before its account is even registered; then the rest.
        sent.add(services.publish(legalCase.accessEvents().get(2), LegalCase.AGENCY));
        legalCase.billingEvents().forEach(e -> sent.add(services.publish(e, LegalCase.AGENCY)));
        legalCase.overdueEvents().forEach(e -> sent.add(services.publishDerived(e)));
        legalCase.contractEvents().forEach(e -> sent.add(services.publish(e, LegalCase.AGENCY)));
        sent.add(services.publish(
                new CriticalPeriodDeclared(
                        legalCase.contractId,
                        LegalCase.AGENCY,
                        Instant.parse("2026-04-12T00:00:00Z"),
                        Instant.parse("2026-04-14T00:00:00Z"),
                        SCRIPT + " flash sale",
                        Instant.parse("2026-03-21T09:00:00Z")),
                LegalCase.AGENCY));
        JsonNode early = awaitTimeline(sent.size());
        knownBeforeTheLateEvents = Instant.parse(early.findValuesAsText("receivedAt").stream()
                .max(String::compareTo)
                .orElseThrow());
        Thread.sleep(20);

        // Then the agency's lockout: it happened before the request, but compliance learns it only now.
        for (int i : new int[] {0, 1, 3}) {
            late.add(services.publish(legalCase.accessEvents().get(i), LegalCase.AGENCY));
        }
        sent.addAll(late);
        awaitTimeline(sent.size());
        String refusal = late.get(2).eventId();
        liveAlert = awaitAlert(
                legalCase.contractId,
                a -> a.get("evidence").findValuesAsText("id").contains(refusal));
    }

    @Test
    void theTimelineListsEveryEventInBusinessTime() throws Exception {
        JsonNode timeline = ok(get(AUDITOR, "/api/contracts/" + legalCase.contractId + "/timeline"));

        JsonNode events = timeline.get("events");
        assertThat(events).hasSize(sent.size());
        assertThat(events.findValuesAsText("id"))
                .containsExactlyInAnyOrderElementsOf(
                        sent.stream().map(Published::eventId).toList());
        List<String> times = events.findValuesAsText("businessTime");
        assertThat(times).isSortedAccordingTo(String::compareTo);
        assertThat(times.get(0)).isEqualTo("2025-09-01T09:00:00Z");
        JsonNode refusal = find(events, late.get(2).eventId());
        assertThat(refusal.get("type").asText()).isEqualTo("leverwatch.access.request-refused");
        assertThat(refusal.get("source").asText()).isEqualTo("https://erp.agence-pixel.example");
        assertThat(refusal.get("businessTime").asText()).isEqualTo("2026-04-02T15:00:00Z");
        assertThat(Instant.parse(refusal.get("receivedAt").asText())).isAfter(knownBeforeTheLateEvents);
        assertThat(find(events, sent.get(0).eventId()).get("receivedAt").asText())
                .isLessThan(
                        find(events, late.get(0).eventId()).get("receivedAt").asText());
    }

    @Test
    void theStateAsOfAnInstantIsWhatHappenedAndAsKnownAtAnInstantWhatWasKnown() throws Exception {
        String path = "/api/contracts/" + legalCase.contractId + "/state?asOf=2026-04-05T00:00:00Z";

        JsonNode happened = ok(get(OPERATOR, path));
        assertThat(happened.at("/contract/status").asText()).isEqualTo("TERMINATED");
        assertThat(happened.get("accounts")).allSatisfy(account -> {
            assertThat(account.get("clientLockedOut").asBoolean()).isTrue();
            assertThat(account.get("usableBy").toString()).isEqualTo("[\"AGENCY\"]");
        });
        assertThat(happened.get("alerts")).singleElement().satisfies(alert -> {
            assertThat(alert.get("id")).isEqualTo(liveAlert.get("id"));
            assertThat(alert.get("rule")).isEqualTo(liveAlert.get("rule"));
            assertThat(alert.get("severity").asText()).isEqualTo("CRITICAL");
            assertThat(alert.get("status").asText()).isEqualTo("OPEN");
            assertThat(alert.at("/outstandingTotal/amount").asText()).isEqualTo("3300.00");
        });

        JsonNode known = ok(get(OPERATOR, path + "&knownAt=" + knownBeforeTheLateEvents));
        assertThat(known.get("alerts")).isEmpty();
        assertThat(known.get("accounts"))
                .noneMatch(a -> a.get("clientLockedOut").asBoolean());
        assertThat(known.get("eventsReceivedLater").asInt()).isEqualTo(late.size());

        JsonNode beforeTermination =
                ok(get(AUDITOR, "/api/contracts/" + legalCase.contractId + "/state?asOf=2026-03-10T15:00:00%2B01:00"));
        assertThat(beforeTermination.at("/contract/status").asText()).isEqualTo("ACTIVE");
        assertThat(beforeTermination.get("invoices"))
                .allSatisfy(
                        invoice -> assertThat(invoice.get("status").asText()).isEqualTo("OVERDUE"));
        assertThat(beforeTermination.at("/invoices/1/outstanding/amount").asText())
                .isEqualTo("1500.00");
    }

    @Test
    void badParametersAndUnknownContractsAreProblems() throws Exception {
        HttpResponse<String> bad =
                get(OPERATOR, "/api/contracts/" + legalCase.contractId + "/state?asOf=last%20tuesday");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(bad.body()).get("parameter").asText()).isEqualTo("asOf");
        HttpResponse<String> badKnownAt = get(
                OPERATOR,
                "/api/contracts/" + legalCase.contractId + "/state?asOf=2026-04-05T00:00:00Z&knownAt=2026-04-05");
        assertThat(badKnownAt.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badKnownAt.body()).get("parameter").asText()).isEqualTo("knownAt");

        assertThat(get(OPERATOR, "/api/contracts/c-nobody-knows/timeline").statusCode())
                .isEqualTo(404);
        assertThat(get(OFFICER, "/api/contracts/" + legalCase.contractId + "/timeline")
                        .statusCode())
                .isEqualTo(403);
        assertThat(get(null, "/api/contracts/" + legalCase.contractId + "/evidence")
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void theEvidenceBundleVerifiesItsPdfOpensAndTheCommandNamesARemovedEvent() throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri("/api/contracts/" + legalCase.contractId + "/evidence"));
        authorize(request, OPERATOR);
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/zip");
        byte[] zip = response.body();

        var verification = BundleVerifier.verify(new ByteArrayInputStream(zip));
        assertThat(verification.findings()).isEmpty();
        assertThat(verification.eventCount()).isEqualTo(sent.size());
        assertThat(response.headers().firstValue("X-Leverwatch-Chain-Head")).hasValue(verification.chainHead());

        Map<String, byte[]> files = BundleVerifier.read(new ByteArrayInputStream(zip));
        String[] lines = text(files.get(BundleLayout.EVENTS)).split("\n");
        assertThat(lines).hasSize(sent.size());
        assertThat(lines[0]).startsWith("{\"businessTime\":\"2025-09-01T09:00:00Z\",\"data\":{");
        JsonNode manifest = JSON.readTree(files.get(BundleLayout.MANIFEST));
        assertThat(manifest.get("contractId").asText()).isEqualTo(legalCase.contractId);
        assertThat(manifest.get("eventCount").asInt()).isEqualTo(sent.size());
        assertThat(manifest.get("softwareVersion").asText()).startsWith("compliance-service");

        String html = text(files.get(BundleLayout.REPORT_HTML));
        assertThat(html)
                .doesNotContain(SCRIPT)
                .contains("&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt;")
                .contains("INJONCTION_DE_PAYER")
                .contains("CPC art. 1405 to 1425")
                .contains("lawyer");
        try (PDDocument pdf = Loader.loadPDF(files.get(BundleLayout.REPORT_PDF))) {
            assertThat(pdf.getNumberOfPages()).isPositive();
            String pdfText = new PDFTextStripper().getText(pdf);
            assertThat(pdfText)
                    .contains(legalCase.contractId)
                    .contains("RESTORE_ACCESS")
                    .contains("lawyer");
        }

        verifyWithTheBuiltJar(zip, files, lines);
    }

    // The documented command: the plain jar, the JDK, nothing else on the class path.
    private void verifyWithTheBuiltJar(byte[] zip, Map<String, byte[]> files, String[] lines) throws Exception {
        Path jar = Path.of("target", "compliance-service-0.1.0-SNAPSHOT.jar");
        assumeThat(jar)
                .as("the packaged jar (mvn verify builds it before the integration tests)")
                .exists();
        Path good = dir.resolve("good.zip");
        Files.write(good, zip);
        assertThat(verify(jar, good)).startsWith("0\nVERIFIED: evidence of contract " + legalCase.contractId);

        String removed = JSON.readTree(lines[3]).get("id").asText();
        List<String> kept = new ArrayList<>(Arrays.asList(lines));
        kept.remove(3);
        files.put(BundleLayout.EVENTS, (String.join("\n", kept) + "\n").getBytes(StandardCharsets.UTF_8));
        Path bad = dir.resolve("bad.zip");
        Files.write(bad, BundleWriter.zip(files, Instant.now()));
        assertThat(verify(jar, bad)).startsWith("1\nTAMPERED").contains("REMOVED: event " + removed);
    }

    private static String verify(Path jar, Path bundle) throws Exception {
        Process process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        jar.toString(),
                        "io.leverwatch.compliance.operator.VerifyBundle",
                        bundle.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return process.exitValue() + "\n" + output;
    }

    private JsonNode awaitTimeline(int events) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = get(OPERATOR, "/api/contracts/" + legalCase.contractId + "/timeline");
            if (response.statusCode() == 200) {
                last = JSON.readTree(response.body()).get("events");
                if (last.size() >= events) {
                    return last;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the inbox did not get " + events + " events of the contract; last: " + last);
    }

    private static JsonNode find(JsonNode events, String id) {
        for (JsonNode event : events) {
            if (event.get("id").asText().equals(id)) {
                return event;
            }
        }
        throw new AssertionError("no event " + id);
    }

    private static JsonNode ok(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
