package io.leverwatch.compliance.operator.evidence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Lays an evidence bundle out ({@link BundleLayout}): the files, their manifest, the zip. Pure. */
public final class BundleWriter {

    /**
     * What goes into a bundle.
     *
     * @param lines the canonical JSON lines of the events, in business order
     * @param eventIds the id of the event on each line
     */
    public record Contents(
            String contractId,
            List<String> lines,
            List<String> eventIds,
            byte[] reportHtml,
            byte[] reportPdf,
            String softwareVersion,
            Instant generatedAt) {}

    /** The head of the chain over the lines. */
    public static String chainHead(String contractId, List<String> lines, List<String> eventIds) {
        List<EvidenceChain.Link> links = EvidenceChain.links(contractId, lines, eventIds);
        return Hashes.hex(links.get(links.size() - 1).hash());
    }

    /** The bundle's files by name, the manifest first. */
    public static Map<String, byte[]> files(Contents contents) {
        List<EvidenceChain.Link> links =
                EvidenceChain.links(contents.contractId(), contents.lines(), contents.eventIds());
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(
                BundleLayout.EVENTS,
                utf8(contents.lines().isEmpty() ? "" : String.join("\n", contents.lines()) + "\n"));
        files.put(BundleLayout.CHAIN, utf8(EvidenceChain.text(links)));
        files.put(BundleLayout.REPORT_HTML, contents.reportHtml());
        files.put(BundleLayout.REPORT_PDF, contents.reportPdf());
        String head = Hashes.hex(links.get(links.size() - 1).hash());
        files.put(BundleLayout.README, utf8(readme(contents.contractId(), head)));

        Map<String, Object> fileHashes = new TreeMap<>();
        for (String name : List.of(BundleLayout.REPORT_HTML, BundleLayout.REPORT_PDF, BundleLayout.README)) {
            fileHashes.put(name, Hashes.hex(Hashes.sha256(files.get(name))));
        }
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put(BundleLayout.FORMAT_KEY, BundleLayout.FORMAT);
        manifest.put(BundleLayout.CONTRACT_ID, contents.contractId());
        manifest.put(BundleLayout.EVENT_COUNT, contents.lines().size());
        manifest.put(BundleLayout.CHAIN_HEAD, head);
        manifest.put(
                BundleLayout.CHAIN_RULE,
                "h(0) = SHA-256(UTF-8 contract id); h(i) = SHA-256(h(i-1) || UTF-8 line i of events.jsonl)");
        manifest.put(BundleLayout.SOFTWARE_VERSION, contents.softwareVersion());
        manifest.put(BundleLayout.GENERATED_AT, contents.generatedAt().toString());
        manifest.put(BundleLayout.FILES, fileHashes);

        Map<String, byte[]> bundle = new LinkedHashMap<>();
        bundle.put(BundleLayout.MANIFEST, utf8(CanonicalJson.write(manifest) + "\n"));
        bundle.putAll(files);
        return bundle;
    }

    /** The files as a zip, every entry dated {@code time}. */
    public static byte[] zip(Map<String, byte[]> files, Instant time) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                ZipEntry entry = new ZipEntry(file.getKey());
                entry.setLastModifiedTime(FileTime.from(time));
                zip.putNextEntry(entry);
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String readme(String contractId, String head) {
        return "Evidence bundle of contract " + contractId + " (" + BundleLayout.FORMAT + ")\n\n"
                + "events.jsonl   every event about the contract that compliance received, one per line, in\n"
                + "               business time order: canonical JSON (keys sorted, no whitespace) with id, type,\n"
                + "               source, businessTime, receivedAt and data\n"
                + "chain.txt      a SHA-256 hash chain over those lines: h(0) = SHA-256(UTF-8 contract id),\n"
                + "               h(i) = SHA-256(h(i-1) || UTF-8 bytes of line i without its newline)\n"
                + "manifest.json  contract id, event count, chain head h(n), software version, generation time,\n"
                + "               and the SHA-256 of the reports and of this file\n"
                + "report.html, report.pdf   the timeline, the alerts and the recommendations, for reading\n\n"
                + "Chain head: " + head + "\n\n"
                + "Verify it (exit status 0 when intact; otherwise each altered, removed, inserted or moved event\n"
                + "is named):\n"
                + "  java -cp compliance-service-<version>.jar io.leverwatch.compliance.operator.VerifyBundle <this.zip>\n";
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private BundleWriter() {}
}
