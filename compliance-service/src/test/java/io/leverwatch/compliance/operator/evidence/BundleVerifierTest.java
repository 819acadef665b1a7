package io.leverwatch.compliance.operator.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import io.leverwatch.compliance.operator.evidence.BundleVerifier.Finding;
import io.leverwatch.compliance.operator.evidence.BundleVerifier.Kind;
import io.leverwatch.compliance.operator.evidence.BundleVerifier.Verification;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** A fresh bundle verifies; each kind of tampering fails, naming the event it touched. */
class BundleVerifierTest {

    private static final String CONTRACT = "c-42";

    private final List<String> ids = List.of("evt-1", "evt-2", "evt-3", "evt-4", "evt-5");
    private final List<String> lines =
            ids.stream().map(BundleVerifierTest::line).toList();

    @Test
    void aFreshBundleVerifies() throws Exception {
        byte[] zip = BundleWriter.zip(bundle(), Instant.parse("2026-05-01T12:00:00Z"));

        Verification verification = BundleVerifier.verify(new ByteArrayInputStream(zip));

        assertThat(verification.findings()).isEmpty();
        assertThat(verification.intact()).isTrue();
        assertThat(verification.eventCount()).isEqualTo(5);
        assertThat(verification.chainHead()).isEqualTo(BundleWriter.chainHead(CONTRACT, lines, ids));
    }

    @Test
    void anAlteredEventIsNamed() {
        List<String> tampered = new ArrayList<>(lines);
        tampered.set(2, tampered.get(2).replace("1800.00", "18.00"));

        assertThat(verifyWith(tampered))
                .singleElement()
                .satisfies(finding -> assertFinding(finding, Kind.ALTERED, "evt-3", 3));
    }

    @Test
    void anEventWhoseLineIsNoLongerJsonIsNamedAsAltered() {
        List<String> tampered = new ArrayList<>(lines);
        tampered.set(1, "{\"id\":\"evt-2\", broken");

        assertThat(verifyWith(tampered))
                .singleElement()
                .satisfies(finding -> assertFinding(finding, Kind.ALTERED, "evt-2", 2));
    }

    @Test
    void aRemovedEventIsNamed() {
        List<String> tampered = new ArrayList<>(lines);
        tampered.remove(3);

        assertThat(verifyWith(tampered)).singleElement().satisfies(finding -> {
            assertThat(finding.kind()).isEqualTo(Kind.REMOVED);
            assertThat(finding.eventId()).isEqualTo("evt-4");
            assertThat(finding.link()).isEqualTo(4);
            assertThat(finding.message()).contains("evt-4");
        });
    }

    @Test
    void anInsertedEventIsNamed() {
        List<String> tampered = new ArrayList<>(lines);
        tampered.add(2, line("evt-forged"));

        assertThat(verifyWith(tampered))
                .singleElement()
                .satisfies(finding -> assertFinding(finding, Kind.INSERTED, "evt-forged", 3));
    }

    @Test
    void aRepeatedEventIsNamedAsInserted() {
        List<String> tampered = new ArrayList<>(lines);
        tampered.add(lines.get(0));

        assertThat(verifyWith(tampered))
                .singleElement()
                .satisfies(finding -> assertFinding(finding, Kind.INSERTED, "evt-1", 6));
    }

    @Test
    void reorderedEventsAreNamed() {
        List<String> tampered = new ArrayList<>(lines);
        Collections.swap(tampered, 1, 3); // evt-1, evt-4, evt-3, evt-2, evt-5

        List<Finding> findings = verifyWith(tampered);

        assertThat(findings).isNotEmpty().allSatisfy(f -> assertThat(f.kind()).isEqualTo(Kind.REORDERED));
        assertThat(findings).extracting(Finding::eventId).containsAnyOf("evt-2", "evt-4");
        assertThat(findings).extracting(Finding::eventId).doesNotContain("evt-1", "evt-5");
    }

    @Test
    void anAlteredChainIsReportedWithoutBlamingTheEvents() {
        Map<String, byte[]> files = bundle();
        String chain = text(files.get(BundleLayout.CHAIN));
        String[] rows = chain.split("\n");
        String[] third = rows[3].split(" ");
        rows[3] = third[0] + " " + "0".repeat(64) + " " + third[2];
        files.put(BundleLayout.CHAIN, (String.join("\n", rows) + "\n").getBytes(StandardCharsets.UTF_8));

        assertThat(BundleVerifier.verify(files).findings()).singleElement().satisfies(finding -> {
            assertThat(finding.kind()).isEqualTo(Kind.CHAIN);
            assertThat(finding.link()).isEqualTo(2);
        });
    }

    @Test
    void anAlteredReportIsReported() {
        Map<String, byte[]> files = bundle();
        files.put(BundleLayout.REPORT_HTML, "<p>nothing to see</p>".getBytes(StandardCharsets.UTF_8));

        assertThat(BundleVerifier.verify(files).findings()).singleElement().satisfies(finding -> {
            assertThat(finding.kind()).isEqualTo(Kind.FILE);
            assertThat(finding.message()).contains(BundleLayout.REPORT_HTML);
        });
    }

    private List<Finding> verifyWith(List<String> tamperedLines) {
        Verification verification = BundleVerifier.verify(withEvents(tamperedLines));
        assertThat(verification.intact()).isFalse();
        return verification.findings();
    }

    private Map<String, byte[]> withEvents(List<String> tamperedLines) {
        Map<String, byte[]> files = bundle();
        files.put(BundleLayout.EVENTS, (String.join("\n", tamperedLines) + "\n").getBytes(StandardCharsets.UTF_8));
        return files;
    }

    private Map<String, byte[]> bundle() {
        return new LinkedHashMap<>(BundleWriter.files(new BundleWriter.Contents(
                CONTRACT,
                lines,
                ids,
                "<html>report</html>".getBytes(StandardCharsets.UTF_8),
                "%PDF-1.7 report".getBytes(StandardCharsets.UTF_8),
                "compliance-service test",
                Instant.parse("2026-05-01T12:00:00Z"))));
    }

    private static void assertFinding(Finding finding, Kind kind, String eventId, int line) {
        assertThat(finding.kind()).isEqualTo(kind);
        assertThat(finding.eventId()).isEqualTo(eventId);
        assertThat(finding.line()).isEqualTo(line);
        assertThat(finding.message()).contains(eventId);
    }

    private static String line(String id) {
        Map<String, Object> data = new TreeMap<>();
        data.put("contractId", CONTRACT);
        data.put("amount", Map.of("amount", "1800.00", "currency", "EUR"));
        Map<String, Object> event = new TreeMap<>();
        event.put("id", id);
        event.put("type", "leverwatch.invoice.issued");
        event.put("source", "https://erp.example");
        event.put("businessTime", "2026-01-05T09:00:00Z");
        event.put("receivedAt", "2026-01-05T09:00:01Z");
        event.put("data", data);
        return CanonicalJson.write(event);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
