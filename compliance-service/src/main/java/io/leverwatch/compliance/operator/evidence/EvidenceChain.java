package io.leverwatch.compliance.operator.evidence;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The hash chain of an evidence bundle, over the lines of {@code events.jsonl}:
 *
 * <pre>
 * h(0) = SHA-256(UTF-8 bytes of the contract id)
 * h(i) = SHA-256(h(i-1) || UTF-8 bytes of line i, without its newline)      i = 1 .. n
 * </pre>
 *
 * where {@code h(i-1)} is the 32 raw bytes of the previous hash. {@code chain.txt} lists them, one per line:
 * {@code 0 <hex h(0)>}, then {@code i <hex h(i)> <event id>}; lines starting with {@code #} are comments. The
 * manifest's {@code chainHead} is {@code h(n)}. Changing, removing, inserting or moving any line changes every later
 * hash, and the chain tells which event it was.
 */
public final class EvidenceChain {

    public static final String HEADER = "# Leverwatch evidence chain 1: h(0) = SHA-256(UTF-8 contract id);"
            + " h(i) = SHA-256(h(i-1) || UTF-8 line i of events.jsonl without its newline). Lines: i hex(h(i)) event-id";

    /** One link as {@code chain.txt} lists it; {@code eventId} is null for link 0. */
    public record Link(int index, byte[] hash, String eventId) {}

    public static byte[] genesis(String contractId) {
        return Hashes.sha256(contractId);
    }

    public static byte[] next(byte[] previous, String line) {
        return Hashes.sha256(previous, line.getBytes(StandardCharsets.UTF_8));
    }

    /** The links over the lines, link 0 first. */
    public static List<Link> links(String contractId, List<String> lines, List<String> eventIds) {
        List<Link> links = new ArrayList<>();
        byte[] hash = genesis(contractId);
        links.add(new Link(0, hash, null));
        for (int i = 0; i < lines.size(); i++) {
            hash = next(hash, lines.get(i));
            links.add(new Link(i + 1, hash, eventIds.get(i)));
        }
        return links;
    }

    /** The text of {@code chain.txt}. */
    public static String text(List<Link> links) {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        for (Link link : links) {
            out.append(link.index()).append(' ').append(Hashes.hex(link.hash()));
            if (link.eventId() != null) {
                out.append(' ').append(link.eventId());
            }
            out.append('\n');
        }
        return out.toString();
    }

    /**
     * Reads {@code chain.txt}.
     *
     * @throws IllegalArgumentException naming the line that is not a link
     */
    public static List<Link> parse(String text) {
        List<Link> links = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split(" ", 3);
            try {
                int index = Integer.parseInt(parts[0]);
                byte[] hash = Hashes.unhex(parts[1]);
                if (hash.length != Hashes.SHA256_LENGTH) {
                    throw new IllegalArgumentException("not a SHA-256");
                }
                links.add(new Link(index, hash, parts.length > 2 ? parts[2] : null));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("chain.txt line " + (n + 1) + " is not a link: " + line, e);
            }
        }
        return links;
    }

    private EvidenceChain() {}
}
