package io.leverwatch.compliance.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.leverwatch.compliance.operator.evidence.BundleWriter;
import io.leverwatch.compliance.operator.evidence.CanonicalJson;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyBundleTest {

    private static final Instant GENERATED = Instant.parse("2026-05-01T12:00:00Z");

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final PrintStream printer = new PrintStream(out, true, StandardCharsets.UTF_8);

    @Test
    void saysVerifiedWithTheChainHeadOfAnIntactBundle() throws Exception {
        Path bundle = write("good.zip", List.of("evt-1", "evt-2"));

        assertThat(VerifyBundle.run(new String[] {bundle.toString()}, printer, printer))
                .isZero();
        assertThat(text()).startsWith("VERIFIED: evidence of contract c-7, 2 events, chain head ");
    }

    @Test
    void namesTheEventThatWasRemoved() throws Exception {
        Path bundle = dir.resolve("bad.zip");
        Map<String, byte[]> files = new LinkedHashMap<>(files(List.of("evt-1", "evt-2")));
        files.put("events.jsonl", (line("evt-2") + "\n").getBytes(StandardCharsets.UTF_8));
        Files.write(bundle, BundleWriter.zip(files, GENERATED));

        assertThat(VerifyBundle.run(new String[] {bundle.toString()}, printer, printer))
                .isEqualTo(1);
        assertThat(text()).contains("TAMPERED").contains("REMOVED: event evt-1");
    }

    @Test
    void exitsWithTwoWhenTheFileCannotBeRead() {
        assertThat(VerifyBundle.run(new String[] {dir.resolve("missing.zip").toString()}, printer, printer))
                .isEqualTo(2);
        assertThat(VerifyBundle.run(new String[0], printer, printer)).isEqualTo(2);
    }

    private Path write(String name, List<String> ids) throws Exception {
        Path bundle = dir.resolve(name);
        Files.write(bundle, BundleWriter.zip(files(ids), GENERATED));
        return bundle;
    }

    private static Map<String, byte[]> files(List<String> ids) {
        return BundleWriter.files(new BundleWriter.Contents(
                "c-7",
                ids.stream().map(VerifyBundleTest::line).toList(),
                ids,
                new byte[0],
                new byte[0],
                "test",
                GENERATED));
    }

    private static String line(String id) {
        return CanonicalJson.write(Map.of("id", id, "type", "leverwatch.access.requested", "data", Map.of()));
    }

    private String text() {
        return out.toString(StandardCharsets.UTF_8);
    }
}
