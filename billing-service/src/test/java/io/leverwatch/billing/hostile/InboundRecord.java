package io.leverwatch.billing.hostile;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.leverwatch.events.Topics;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * One hostile record on billing-service's inbound topic: its headers and value, the reason it must be dead-lettered
 * for, and the field its errors must name. {@code case} is a header of its own, copied to the dead letter, by which
 * the test finds it there.
 */
record InboundRecord(String kind, Map<String, byte[]> headers, byte[] value, String reason, String names) {

    static final String CASE_HEADER = "fuzz-case";
    static final String KEY = io.leverwatch.kit.test.ServiceEndToEnd.KEY_A;

    ProducerRecord<byte[], byte[]> toProducerRecord(String caseId) {
        var record = new ProducerRecord<>(Topics.INBOUND_BILLING, caseId.getBytes(StandardCharsets.UTF_8), value);
        headers.forEach((name, value) -> record.headers().add(name, value));
        record.headers().add(CASE_HEADER, caseId.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    @Override
    public String toString() {
        String text =
                value == null ? "null" : new String(value, 0, Math.min(value.length, 300), StandardCharsets.UTF_8);
        return kind + " (dead-lettered as " + reason + " naming " + names + ") " + headers.keySet() + " " + text;
    }

    static Arbitrary<InboundRecord> any() {
        return Arbitraries.oneOf(
                Delivery.flawedEvents().filter(InboundRecord::fits).map(d -> of(d, authorized(d.headers()))),
                Delivery.flawedBatches().filter(InboundRecord::fits).map(d -> of(d, authorized(d.headers()))),
                Delivery.unreadableBodies().filter(InboundRecord::fits).map(d -> of(d, authorized(d.headers()))),
                Delivery.flawedBinaryEvents()
                        .filter(InboundRecord::fits)
                        .map(d -> of(d, authorized(binaryHeaders(d.headers())))),
                unauthenticated(),
                manyInvalidEvents(),
                fillingARecord(),
                Arbitraries.just(new InboundRecord(
                        "no value", authorized(Map.of("content-type", Delivery.STRUCTURED)), null, "invalid", "/")));
    }

    /** A valid event without a valid key: no key, another scheme, an unknown key, a key that is not UTF-8. */
    static Arbitrary<InboundRecord> unauthenticated() {
        Arbitrary<byte[]> values = Arbitraries.oneOf(
                Arbitraries.of("Bearer", "Bearer ", "Basic YWdlbmN5OmtleQ==", "Token " + KEY, KEY, "")
                        .map(text -> text.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.strings()
                        .alpha()
                        .numeric()
                        .ofMaxLength(400)
                        .map(k -> ("Bearer " + k).getBytes(StandardCharsets.UTF_8)),
                Arbitraries.just(new byte[] {'B', 'e', 'a', 'r', 'e', 'r', ' ', (byte) 0xff, (byte) 0xfe}));
        return values.injectNull(0.15).map(auth -> {
            Map<String, byte[]> headers = new LinkedHashMap<>();
            headers.put("content-type", Delivery.STRUCTURED.getBytes(StandardCharsets.UTF_8));
            if (auth != null) {
                headers.put("authorization", auth);
            }
            return new InboundRecord(
                    auth == null
                            ? "no authorization"
                            : "authorization \"" + new String(auth, StandardCharsets.UTF_8) + "\"",
                    headers,
                    Delivery.json(Flaw.validEvent()),
                    "unauthenticated",
                    "/headers/authorization");
        });
    }

    /** A batch of thousands of empty events: every one is wrong in six ways, too many to all fit a dead letter. */
    static Arbitrary<InboundRecord> manyInvalidEvents() {
        return Arbitraries.integers().between(1_000, 40_000).map(count -> {
            ArrayNode batch = Flaw.NODES.arrayNode();
            for (int i = 0; i < count; i++) {
                batch.addObject();
            }
            return new InboundRecord(
                    count + " empty events in a batch",
                    authorized(Map.of("content-type", Delivery.BATCH)),
                    Delivery.json(batch),
                    "invalid",
                    "/0/id");
        });
    }

    /** Not JSON, and nearly as large as the broker takes a record (1 MiB): the dead letter carries it whole. */
    static Arbitrary<InboundRecord> fillingARecord() {
        return Arbitraries.integers()
                .between(1_000_000, 1_046_000)
                .map(size -> new InboundRecord(
                        "record of " + size + " bytes",
                        authorized(Map.of("content-type", Delivery.STRUCTURED)),
                        "x".repeat(size).getBytes(StandardCharsets.UTF_8),
                        "invalid",
                        "/"));
    }

    /** The broker refuses a record over 1 MiB before the service could see it. */
    private static boolean fits(Delivery delivery) {
        return delivery.body().length <= 1_000_000;
    }

    private static InboundRecord of(Delivery delivery, Map<String, byte[]> headers) {
        return new InboundRecord(delivery.kind(), headers, delivery.body(), "invalid", delivery.names());
    }

    private static Map<String, byte[]> authorized(Map<String, String> headers) {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        headers.forEach((name, value) -> bytes.put(name.toLowerCase(), value.getBytes(StandardCharsets.UTF_8)));
        bytes.put("authorization", ("Bearer " + KEY).getBytes(StandardCharsets.UTF_8));
        return bytes;
    }

    /** HTTP's {@code ce-id} is Kafka's {@code ce_id}. */
    private static Map<String, String> binaryHeaders(Map<String, String> http) {
        Map<String, String> kafka = new LinkedHashMap<>();
        http.forEach((name, value) -> kafka.put(name.startsWith("ce-") ? "ce_" + name.substring(3) : name, value));
        return kafka;
    }

    static String newCaseId() {
        return "case-" + UUID.randomUUID();
    }
}
