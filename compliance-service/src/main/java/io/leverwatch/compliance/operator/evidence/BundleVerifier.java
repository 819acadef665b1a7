package io.leverwatch.compliance.operator.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Checks an evidence bundle with the JDK alone, and says exactly what was changed: which event was altered, removed,
 * inserted or moved, by its id and line. The lines of {@code events.jsonl} are first chained as they are; if that
 * gives the manifest's head over the manifest's count of events, every event is intact and in its place. Otherwise
 * each line is matched, by its event id, to its link in {@code chain.txt}, and checked against it.
 *
 * <p>What the bundle cannot prove by itself: that nobody rewrote all of it consistently. Compare the chain head with
 * one noted elsewhere (the head printed when the bundle was handed over) for that.
 */
public final class BundleVerifier {

    /** What a finding is about. */
    public enum Kind {
        /** An event's line differs from the line the chain was made over. */
        ALTERED,
        /** An event of the chain has no line. */
        REMOVED,
        /** A line whose event the chain does not know, or a repeated one. */
        INSERTED,
        /** An intact event at another place than the chain gives it. */
        REORDERED,
        /** {@code chain.txt} itself does not hold together, or does not match the manifest. */
        CHAIN,
        /** A report or the README differs from its hash in the manifest. */
        FILE,
        /** A file is missing or unreadable. */
        FORMAT
    }

    /**
     * One thing found wrong.
     *
     * @param eventId the event it is about, when it is about one
     * @param line the line of {@code events.jsonl}, from 1, when it is about one
     * @param link the link of the chain, from 1, when it is about one
     */
    public record Finding(Kind kind, String eventId, Integer line, Integer link, String message) {}

    /** The outcome: intact when there are no findings. */
    public record Verification(String contractId, int eventCount, String chainHead, List<Finding> findings) {

        public Verification {
            findings = List.copyOf(findings);
        }

        public boolean intact() {
            return findings.isEmpty();
        }
    }

    /** Verifies a bundle read from a zip. */
    public static Verification verify(InputStream zip) throws IOException {
        return verify(read(zip));
    }

    /** Reads a zip's files by name. */
    public static Map<String, byte[]> read(InputStream zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(zip, StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (!entry.isDirectory()) {
                    files.put(entry.getName(), in.readAllBytes());
                }
            }
        }
        return files;
    }

    /** Verifies a bundle given as its files by name. */
    public static Verification verify(Map<String, byte[]> files) {
        List<Finding> findings = new ArrayList<>();
        for (String required : List.of(BundleLayout.MANIFEST, BundleLayout.EVENTS, BundleLayout.CHAIN)) {
            if (!files.containsKey(required)) {
                findings.add(new Finding(Kind.FORMAT, null, null, null, required + " is missing from the bundle"));
            }
        }
        if (!findings.isEmpty()) {
            return new Verification(null, 0, null, findings);
        }
        Map<?, ?> manifest;
        List<EvidenceChain.Link> chain;
        try {
            manifest = (Map<?, ?>) CanonicalJson.parse(text(files.get(BundleLayout.MANIFEST)));
            chain = EvidenceChain.parse(text(files.get(BundleLayout.CHAIN)));
        } catch (RuntimeException e) {
            findings.add(new Finding(Kind.FORMAT, null, null, null, e.getMessage()));
            return new Verification(null, 0, null, findings);
        }
        String contractId = String.valueOf(manifest.get(BundleLayout.CONTRACT_ID));
        String head = String.valueOf(manifest.get(BundleLayout.CHAIN_HEAD));
        int count = manifest.get(BundleLayout.EVENT_COUNT) instanceof BigDecimal n ? n.intValue() : -1;
        List<String> lines = lines(text(files.get(BundleLayout.EVENTS)));

        checkChainAgainstManifest(chain, contractId, head, count, findings);
        if (!chainsTo(contractId, lines, head) || lines.size() != count) {
            findings.addAll(diagnose(lines, chain));
            if (findings.isEmpty()) {
                findings.add(new Finding(
                        Kind.CHAIN, null, null, null, "events.jsonl does not chain to the manifest's head"));
            }
        } else {
            checkChainText(contractId, lines, chain, findings);
        }
        checkFiles(files, manifest, findings);
        return new Verification(contractId, count, head, findings);
    }

    private static boolean chainsTo(String contractId, List<String> lines, String head) {
        byte[] hash = EvidenceChain.genesis(contractId);
        for (String line : lines) {
            hash = EvidenceChain.next(hash, line);
        }
        return Hashes.hex(hash).equals(head);
    }

    private static void checkChainAgainstManifest(
            List<EvidenceChain.Link> chain, String contractId, String head, int count, List<Finding> findings) {
        for (int i = 0; i < chain.size(); i++) {
            if (chain.get(i).index() != i) {
                findings.add(new Finding(
                        Kind.CHAIN,
                        null,
                        null,
                        i,
                        "chain.txt is not numbered 0, 1, 2, ...: link " + i + " is missing"));
                return;
            }
        }
        if (chain.isEmpty() || !Arrays.equals(chain.get(0).hash(), EvidenceChain.genesis(contractId))) {
            findings.add(new Finding(
                    Kind.CHAIN, null, null, 0, "link 0 of chain.txt is not SHA-256 of the contract id " + contractId));
        }
        if (chain.size() - 1 != count) {
            findings.add(new Finding(
                    Kind.CHAIN,
                    null,
                    null,
                    null,
                    "chain.txt has " + (chain.size() - 1) + " links but the manifest counts " + count + " events"));
        } else if (!Hashes.hex(chain.get(chain.size() - 1).hash()).equals(head)) {
            findings.add(
                    new Finding(Kind.CHAIN, null, null, count, "chain.txt does not end at the manifest's chain head"));
        }
    }

    // The events are intact: chain.txt must list the very links they make.
    private static void checkChainText(
            String contractId, List<String> lines, List<EvidenceChain.Link> chain, List<Finding> findings) {
        List<String> ids = lines.stream().map(BundleVerifier::eventId).toList();
        List<EvidenceChain.Link> expected = EvidenceChain.links(contractId, lines, ids);
        for (int i = 1; i < expected.size() && i < chain.size(); i++) {
            EvidenceChain.Link link = chain.get(i);
            if (!Arrays.equals(link.hash(), expected.get(i).hash())
                    || !String.valueOf(ids.get(i - 1)).equals(link.eventId())) {
                findings.add(new Finding(
                        Kind.CHAIN,
                        link.eventId(),
                        null,
                        i,
                        "link " + i + " of chain.txt was altered (the events themselves are intact)"));
            }
        }
    }

    /** Matches each line to its link by event id and says what happened to each event. */
    static List<Finding> diagnose(List<String> lines, List<EvidenceChain.Link> chain) {
        List<Finding> findings = new ArrayList<>();
        Map<String, Integer> linkOf = new HashMap<>();
        for (int j = 1; j < chain.size(); j++) {
            linkOf.putIfAbsent(chain.get(j).eventId(), j);
        }
        String[] ids = new String[lines.size()];
        for (int k = 0; k < lines.size(); k++) {
            ids[k] = eventId(lines.get(k));
        }
        boolean[] claimed = new boolean[chain.size()];
        for (String id : ids) {
            Integer j = id == null ? null : linkOf.get(id);
            if (j != null) {
                claimed[j] = true;
            }
        }
        boolean[] matched = new boolean[chain.size()];
        List<int[]> placed = new ArrayList<>(); // {line, link} of each intact line
        for (int k = 0; k < lines.size(); k++) {
            int line = k + 1;
            Integer j = ids[k] == null ? null : linkOf.get(ids[k]);
            if (j == null) {
                // Not a known event: the event the chain has at this place was rewritten, or this line is new.
                if (line < chain.size() && !claimed[line] && !matched[line]) {
                    matched[line] = true;
                    String original = chain.get(line).eventId();
                    findings.add(new Finding(
                            Kind.ALTERED,
                            original,
                            line,
                            line,
                            "event " + original + " (line " + line + ") was altered"
                                    + (ids[k] == null
                                            ? ": the line is no longer an event"
                                            : ": its id now reads " + ids[k])));
                } else {
                    findings.add(new Finding(
                            Kind.INSERTED,
                            ids[k],
                            line,
                            null,
                            "line " + line + (ids[k] == null ? "" : " (event " + ids[k] + ")")
                                    + " is not in the chain: it was inserted"));
                }
            } else if (matched[j]) {
                findings.add(new Finding(
                        Kind.INSERTED, ids[k], line, j, "line " + line + " repeats event " + ids[k] + ": inserted"));
            } else {
                matched[j] = true;
                byte[] expected = EvidenceChain.next(chain.get(j - 1).hash(), lines.get(k));
                if (!Arrays.equals(expected, chain.get(j).hash())) {
                    findings.add(new Finding(
                            Kind.ALTERED,
                            ids[k],
                            line,
                            j,
                            "event " + ids[k] + " (line " + line + ") was altered: it no longer hashes to link " + j));
                }
                placed.add(new int[] {line, j});
            }
        }
        for (int j = 1; j < chain.size(); j++) {
            if (!matched[j]) {
                String id = chain.get(j).eventId();
                findings.add(new Finding(
                        Kind.REMOVED, id, null, j, "event " + id + " (link " + j + ") was removed from events.jsonl"));
            }
        }
        findings.addAll(reordered(placed, chain));
        findings.sort((a, b) -> Integer.compare(position(a), position(b)));
        return findings;
    }

    // The events that keep their relative order are the longest run of increasing links; the others were moved.
    private static List<Finding> reordered(List<int[]> placed, List<EvidenceChain.Link> chain) {
        int n = placed.size();
        int[] length = new int[n];
        int[] previous = new int[n];
        int best = -1;
        for (int i = 0; i < n; i++) {
            length[i] = 1;
            previous[i] = -1;
            for (int p = 0; p < i; p++) {
                if (placed.get(p)[1] < placed.get(i)[1] && length[p] + 1 > length[i]) {
                    length[i] = length[p] + 1;
                    previous[i] = p;
                }
            }
            if (best < 0 || length[i] > length[best]) {
                best = i;
            }
        }
        boolean[] inOrder = new boolean[n];
        for (int i = best; i >= 0; i = previous[i]) {
            inOrder[i] = true;
        }
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!inOrder[i]) {
                int line = placed.get(i)[0];
                int link = placed.get(i)[1];
                String id = chain.get(link).eventId();
                findings.add(new Finding(
                        Kind.REORDERED,
                        id,
                        line,
                        link,
                        "event " + id + " was moved: it is on line " + line + " but the chain has it at position "
                                + link));
            }
        }
        return findings;
    }

    private static int position(Finding finding) {
        if (finding.line() != null) {
            return finding.line();
        }
        return finding.link() != null ? finding.link() : Integer.MAX_VALUE;
    }

    private static void checkFiles(Map<String, byte[]> files, Map<?, ?> manifest, List<Finding> findings) {
        if (!(manifest.get(BundleLayout.FILES) instanceof Map<?, ?> hashes)) {
            return;
        }
        hashes.forEach((name, hash) -> {
            byte[] content = files.get(String.valueOf(name));
            if (content == null) {
                findings.add(new Finding(Kind.FILE, null, null, null, name + " is missing from the bundle"));
            } else if (!Hashes.hex(Hashes.sha256(content)).equals(String.valueOf(hash))) {
                findings.add(new Finding(
                        Kind.FILE, null, null, null, name + " was altered: it does not match the manifest"));
            }
        });
    }

    /** The event id of a line, or null when the line is not an event. */
    static String eventId(String line) {
        try {
            if (CanonicalJson.parse(line) instanceof Map<?, ?> event && event.get("id") instanceof String id) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // not JSON: no event id
        }
        return null;
    }

    /** The lines of events.jsonl: every line ends with a newline, so a last empty piece is not a line. */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private BundleVerifier() {}
}
