package io.leverwatch.compliance.operator.evidence;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leverwatch.compliance.alert.AlertStatus;
import io.leverwatch.compliance.operator.history.AsOfState;
import io.leverwatch.compliance.operator.history.ContractHistory;
import io.leverwatch.compliance.operator.history.InboxRecord;
import io.leverwatch.compliance.query.AlertFilter;
import io.leverwatch.compliance.query.AlertQueries;
import io.leverwatch.compliance.query.AlertView;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * Makes a contract's evidence bundle: a zip of {@code events.jsonl} (every inbox event about the contract, one
 * canonical JSON line each, in business order), {@code chain.txt} ({@link EvidenceChain}), {@code manifest.json}
 * (contract, count, chain head, software version, time from the {@link Clock}, hashes of the other files), the
 * reports and a README on how to verify it ({@link BundleVerifier}, {@code VerifyBundle}), laid out by
 * {@link BundleWriter}.
 */
@Component
public class EvidenceBundles {

    /** A bundle, with what to tell whoever receives it. */
    public record Bundle(String contractId, String fileName, byte[] zip, int eventCount, String chainHead) {}

    private static final List<String> ALL_STATUSES =
            Arrays.stream(AlertStatus.values()).map(Enum::name).toList();

    private final ContractHistory history;
    private final AlertQueries alerts;
    private final ObjectMapper mapper;
    private final Clock clock;

    EvidenceBundles(ContractHistory history, AlertQueries alerts, ObjectMapper springMapper, Clock clock) {
        this.history = history;
        this.alerts = alerts;
        // Amounts keep their exact scale as decimal strings, as in the public event contract.
        this.mapper = springMapper.copy();
        mapper.configOverride(BigDecimal.class).setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING));
        this.clock = clock;
    }

    /** The contract's bundle; empty when no event about the contract is in the inbox. */
    public Optional<Bundle> build(String contractId) {
        List<InboxRecord> events = history.events(contractId);
        if (events.isEmpty()) {
            return Optional.empty();
        }
        Instant generatedAt = clock.instant();
        List<String> lines = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<CaseReport.Entry> timeline = new ArrayList<>();
        for (InboxRecord event : events) {
            Object data = plain(mapper.valueToTree(event.payload()));
            lines.add(line(event, data));
            ids.add(event.eventId());
            timeline.add(new CaseReport.Entry(
                    lines.size(),
                    event.eventId(),
                    event.type(),
                    event.source(),
                    event.businessTime(),
                    event.receivedAt(),
                    CanonicalJson.write(data)));
        }
        String head = BundleWriter.chainHead(contractId, lines, ids);
        String version = SoftwareVersion.current();
        CaseReport report = new CaseReport(
                contractId,
                generatedAt,
                version,
                head,
                AsOfState.of(contractId, events, generatedAt, null),
                contractAlerts(contractId),
                timeline);
        Map<String, byte[]> files = BundleWriter.files(new BundleWriter.Contents(
                contractId,
                lines,
                ids,
                ReportHtml.render(report).getBytes(StandardCharsets.UTF_8),
                ReportPdf.render(report),
                version,
                generatedAt));
        return Optional.of(new Bundle(
                contractId,
                "evidence-" + safe(contractId) + ".zip",
                BundleWriter.zip(files, generatedAt),
                lines.size(),
                head));
    }

    // The alerts as officers see them, retracted ones included: what was decided and done is part of the case.
    private List<AlertView> contractAlerts(String contractId) {
        List<AlertView> found =
                alerts.find(new AlertFilter(ALL_STATUSES, List.of(), List.of(), contractId, null, 1000));
        return found.stream()
                .map(alert -> alerts.findWithHistory(alert.id()).orElse(alert))
                .toList();
    }

    /** One line of events.jsonl: the event's id, type, source, business time, time of receipt and data. */
    static String line(InboxRecord event, Object data) {
        Map<String, Object> line = new TreeMap<>();
        line.put("id", event.eventId());
        line.put("type", event.type());
        line.put("source", event.source());
        line.put("businessTime", event.businessTime().toString());
        line.put("receivedAt", event.receivedAt().toString());
        line.put("data", data);
        return CanonicalJson.write(line);
    }

    /** A Jackson tree as the plain values {@link CanonicalJson} writes. */
    static Object plain(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                map.put(field.getKey(), plain(field.getValue()));
            }
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(item -> list.add(plain(item)));
            return list;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        return node.asText();
    }

    private static String safe(String contractId) {
        return contractId.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
