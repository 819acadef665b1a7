package io.leverwatch.billing.hostile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;

/**
 * One hostile {@code POST /api/events}: its headers and body, the status it must get, and what the problem must
 * name: a JSON pointer into the body ({@code /} for the body as a whole) or a header.
 */
record Delivery(String kind, Map<String, String> headers, byte[] body, boolean chunked, int status, String names) {

    static final String STRUCTURED = "application/cloudevents+json";
    static final String BATCH = "application/cloudevents-batch+json";
    static final long LIMIT = 1_048_576;

    /** Values that are wrong for each binary-mode attribute; an empty one leaves its header out. */
    static final Map<String, List<String>> BAD_BINARY_ATTRIBUTES = Map.of(
            "specversion", List.of("0.3", "2.0", "abc", ""),
            "id", List.of(""),
            "source", List.of("::: bad", "http://[bad", ""),
            "type", List.of("leverwatch.invoice.paid", "leverwatch.contract.registered", ""),
            "time", List.of("not a time", "2026-02-30T10:00:00Z", "2026-01-05", "+12026-01-05T10:00:00Z", ""));

    /**
     * Non-ASCII characters are sent as {@code \\uXXXX} escapes, so that a lone surrogate can be sent at all; raw
     * UTF-8, valid or not, is sent by {@link #unreadableBodies}.
     */
    static final JsonMapper ESCAPING =
            JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    boolean namesHeader() {
        return !names.startsWith("/");
    }

    @Override
    public String toString() {
        String text = new String(body, 0, (int) Math.min(body.length, 300), StandardCharsets.UTF_8);
        return kind + " (" + body.length + " bytes" + (chunked ? ", chunked" : "") + ", expects " + status + " naming "
                + names + ") " + headers + " " + text;
    }

    static Delivery structured(String kind, byte[] body, int status, String names) {
        return new Delivery(kind, Map.of("Content-Type", STRUCTURED), body, false, status, names);
    }

    static Arbitrary<Delivery> flawedEvents() {
        return Flaw.any()
                .map(flaw -> structured(flaw.toString(), json(flaw.applyTo(Flaw.validEvent())), 400, flaw.pointer()));
    }

    /** Batches of 1 to 20 events, some valid, at least one flawed: the whole batch is refused. */
    static Arbitrary<Delivery> flawedBatches() {
        Arbitrary<List<Flaw>> slots =
                Flaw.any().injectNull(0.6).list().ofMinSize(1).ofMaxSize(20);
        return slots.filter(list -> list.stream().anyMatch(java.util.Objects::nonNull))
                .map(list -> {
                    ArrayNode batch = Flaw.NODES.arrayNode();
                    String first = null;
                    for (int i = 0; i < list.size(); i++) {
                        Flaw flaw = list.get(i);
                        batch.add(flaw == null ? Flaw.validEvent() : flaw.applyTo(Flaw.validEvent()));
                        if (flaw != null && first == null) {
                            first = "/" + i + flaw.pointer();
                        }
                    }
                    byte[] body = json(batch);
                    // Long strings in several events may add up to more than the limit: then the size is what is wrong.
                    return new Delivery(
                            "batch of " + list.size() + ", first flaw " + first,
                            Map.of("Content-Type", BATCH),
                            body,
                            false,
                            body.length > LIMIT ? 413 : 400,
                            body.length > LIMIT ? "/" : first);
                });
    }

    /** Binary mode: the attributes in {@code ce-*} headers, with one of them wrong, or the body (the data) flawed. */
    static Arbitrary<Delivery> flawedBinaryEvents() {
        Arbitrary<Delivery> badAttribute = Arbitraries.of(BAD_BINARY_ATTRIBUTES.entrySet())
                .flatMap(bad -> Arbitraries.of(bad.getValue())
                        .map(value -> binary(
                                "binary ce-" + bad.getKey() + " \"" + value + "\"",
                                bad.getKey(),
                                value,
                                dataOf(Flaw.validEvent()))));
        Arbitrary<Delivery> flawedData = Flaw.any()
                .filter(flaw -> flaw.pointer().startsWith("/data/"))
                .map(flaw -> {
                    Delivery delivery = binary("binary, " + flaw, null, null, dataOf(flaw.applyTo(Flaw.validEvent())));
                    return delivery.expecting(400, flaw.pointer());
                });
        Arbitrary<Delivery> unreadableData = unreadableBodies().map(body -> {
            Delivery delivery = binary("binary, " + body.kind(), null, null, body.body());
            return delivery.expecting(400, "/data");
        });
        return Arbitraries.oneOf(badAttribute, flawedData, unreadableData);
    }

    /** Bodies that are not JSON, not UTF-8, nested too deep, or not one event: the problem names the body. */
    static Arbitrary<Delivery> unreadableBodies() {
        Arbitrary<Delivery> invalidUtf8 = Combinators.combine(
                        Arbitraries.of(
                                new byte[] {(byte) 0xff},
                                new byte[] {(byte) 0xc0, (byte) 0x80},
                                new byte[] {(byte) 0x80},
                                new byte[] {(byte) 0xe2, (byte) 0x82},
                                new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
                                new byte[] {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}),
                        Arbitraries.integers().between(0, 400))
                .as((bad, position) -> {
                    byte[] valid = json(Flaw.validEvent());
                    int at = Math.min(position, valid.length);
                    byte[] body = new byte[valid.length + bad.length];
                    System.arraycopy(valid, 0, body, 0, at);
                    System.arraycopy(bad, 0, body, at, bad.length);
                    System.arraycopy(valid, at, body, at + bad.length, valid.length - at);
                    return structured("invalid UTF-8 at byte " + at, body, 400, "/");
                });
        Arbitrary<Delivery> truncated = Arbitraries.integers().between(1, 250).map(cut -> {
            byte[] valid = json(Flaw.validEvent());
            return structured(
                    "JSON cut after " + cut + " bytes",
                    java.util.Arrays.copyOf(valid, Math.min(cut, valid.length - 1)),
                    400,
                    "/");
        });
        Arbitrary<Delivery> garbage = Arbitraries.strings()
                .ofMinLength(1)
                .ofMaxLength(200)
                .filter(text -> !text.isBlank() && !looksLikeJson(text))
                .map(text -> structured("not JSON", text.getBytes(StandardCharsets.UTF_8), 400, "/"));
        Arbitrary<Delivery> trailing = Arbitraries.of("}", "x", "{}", "[]", ",{}", "null", "\"more\"")
                .map(tail -> structured(
                        "trailing \"" + tail + "\" after the event",
                        (new String(json(Flaw.validEvent()), StandardCharsets.UTF_8) + tail)
                                .getBytes(StandardCharsets.UTF_8),
                        400,
                        "/"));
        Arbitrary<Delivery> duplicated = Arbitraries.of("id", "type", "specversion")
                .map(attribute -> {
                    String valid = new String(json(Flaw.validEvent()), StandardCharsets.UTF_8);
                    String twice = "{\"" + attribute + "\":\"other\"," + valid.substring(1);
                    return structured(
                            "duplicate \"" + attribute + "\"", twice.getBytes(StandardCharsets.UTF_8), 400, "/");
                });
        Arbitrary<Delivery> deep = Combinators.combine(
                        Arbitraries.integers().between(1_001, 100_000).withDistribution(RandomDistribution.biased()),
                        Arbitraries.of("[", "{\"a\":"))
                .as((depth, open) -> {
                    String close = open.equals("[") ? "]" : "}";
                    String nested = open.repeat(depth) + "1" + close.repeat(depth);
                    String body =
                            new String(json(Flaw.validEvent()), StandardCharsets.UTF_8).replace("\"1200.00\"", nested);
                    return structured(
                            depth + " nested " + (open.equals("[") ? "arrays" : "objects"),
                            body.getBytes(StandardCharsets.UTF_8),
                            400,
                            "/");
                });
        Arbitrary<Delivery> notAnEvent = Arbitraries.of("", "   ", "null", "42", "\"event\"", "[]", "[{}]", "true")
                .map(text -> structured("body " + text, text.getBytes(StandardCharsets.UTF_8), 400, "/"));
        return Arbitraries.oneOf(invalidUtf8, truncated, garbage, trailing, duplicated, deep, notAnEvent);
    }

    /** A valid event under a media type that is no CloudEvents mode (415), or without a valid key (401). */
    static Arbitrary<Delivery> wrongHeaders() {
        Arbitrary<Delivery> mediaTypes = Arbitraries.of(
                        "text/plain",
                        "application/xml",
                        "application/x-www-form-urlencoded",
                        "multipart/form-data; boundary=x",
                        "application/cloudevents+xml",
                        "application/octet-stream",
                        "text/html; charset=utf-8",
                        "application/cloudevents",
                        "json",
                        "")
                .map(type -> new Delivery(
                        "Content-Type \"" + type + "\"",
                        type.isEmpty() ? Map.of() : Map.of("Content-Type", type),
                        json(Flaw.validEvent()),
                        false,
                        415,
                        "Content-Type"));
        Arbitrary<String> badKeys = Arbitraries.oneOf(
                Arbitraries.strings()
                        .alpha()
                        .numeric()
                        .ofMinLength(1)
                        .ofMaxLength(300)
                        .map(k -> "Bearer " + k),
                Arbitraries.of("Bearer", "Bearer ", "Basic YWdlbmN5OmtleQ==", "bearer", "Token abc", "lw_test_key"));
        Arbitrary<Delivery> keys = badKeys.injectNull(0.1).map(auth -> {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", STRUCTURED);
            headers.put("Authorization", auth == null ? "" : auth);
            return new Delivery(
                    "Authorization \"" + auth + "\"", headers, json(Flaw.validEvent()), false, 401, "Authorization");
        });
        return Arbitraries.oneOf(mediaTypes, keys);
    }

    /** Bodies over the limit, announced by Content-Length or sent in chunks: 413, nothing read. */
    static Arbitrary<Delivery> oversizedBodies() {
        return Combinators.combine(
                        Arbitraries.longs().between(LIMIT + 1, 3 * LIMIT),
                        Arbitraries.of(false, true),
                        Arbitraries.of(STRUCTURED, BATCH))
                .as((size, chunked, type) -> {
                    String prefix = type.equals(BATCH) ? "[" : "";
                    String event = new String(json(Flaw.validEvent()), StandardCharsets.UTF_8);
                    String padded = event.replace("\"fuzz-", "\"fuzz-" + "x".repeat((int) (size - event.length())));
                    byte[] body = (prefix + padded).getBytes(StandardCharsets.UTF_8);
                    return new Delivery("oversized", Map.of("Content-Type", type), body, chunked, 413, "/");
                });
    }

    Delivery expecting(int status, String names) {
        return new Delivery(kind, headers, body, chunked, status, names);
    }

    private static Delivery binary(String kind, String wrongAttribute, String wrongValue, byte[] data) {
        Map<String, String> headers = new LinkedHashMap<>();
        ObjectNode event = Flaw.validEvent();
        for (String attribute : List.of("specversion", "id", "source", "type", "time")) {
            String value = attribute.equals(wrongAttribute)
                    ? wrongValue
                    : event.get(attribute).asText();
            if (!value.isEmpty()) {
                headers.put("ce-" + attribute, value);
            }
        }
        headers.put("Content-Type", "application/json");
        return new Delivery(kind, headers, data, false, 400, wrongAttribute == null ? "/data" : "/" + wrongAttribute);
    }

    private static byte[] dataOf(ObjectNode event) {
        JsonNode data = event.get("data");
        return data == null ? new byte[0] : json(data);
    }

    private static boolean looksLikeJson(String text) {
        try {
            Flaw.JSON.readTree(text);
            return true;
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    static byte[] json(JsonNode node) {
        try {
            return ESCAPING.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
