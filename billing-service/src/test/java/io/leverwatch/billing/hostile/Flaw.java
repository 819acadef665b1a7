package io.leverwatch.billing.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leverwatch.kit.ingest.DataSchemas;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;

/**
 * One thing wrong with an otherwise valid {@code leverwatch.invoice.issued} event, and the JSON pointer a problem
 * about it must name. Each flaw alone makes the event invalid: the service must refuse it, whatever else is right.
 */
record Flaw(String kind, String pointer, Consumer<ObjectNode> apply) {

    static final ObjectMapper JSON = new ObjectMapper();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final List<String> ATTRIBUTES = List.of("specversion", "id", "source", "type", "time");
    static final List<String> DATA_FIELDS =
            List.of("invoiceId", "contractId", "amount", "currency", "issuedOn", "dueOn");
    private static final String INVOICE_SCHEMA =
            new DataSchemas().text("leverwatch.invoice.issued").orElseThrow();

    /** A valid invoice issued, due far in the future, about a contract of its own: nothing else needs to exist. */
    static ObjectNode validEvent() {
        String unique = UUID.randomUUID().toString();
        ObjectNode event = NODES.objectNode();
        event.put("specversion", "1.0");
        event.put("id", "fuzz-" + unique);
        event.put("source", "https://erp.fuzz.example/billing");
        event.put("type", "leverwatch.invoice.issued");
        event.put("time", "2026-01-05T10:00:00Z");
        event.put("datacontenttype", "application/json");
        ObjectNode data = event.putObject("data");
        data.put("invoiceId", "FUZZ-" + unique);
        data.put("contractId", "c-fuzz-" + unique);
        data.put("amount", "1200.00");
        data.put("currency", "EUR");
        data.put("issuedOn", "2026-01-05");
        data.put("dueOn", "2099-02-04");
        return event;
    }

    ObjectNode applyTo(ObjectNode event) {
        apply.accept(event);
        return event;
    }

    @Override
    public String toString() {
        return kind + " at " + pointer;
    }

    /** Every kind of flaw, each as likely as the others. */
    static Arbitrary<Flaw> any() {
        return Arbitraries.oneOf(
                wrongJsonType(),
                missingField(),
                extraDataField(),
                longString(),
                badTime(),
                badDate(),
                badAmount(),
                unknownCurrency(),
                unknownType(),
                badSpecversion(),
                badSource(),
                unstorableAttribute(),
                notAnObjectData());
    }

    static Arbitrary<Flaw> wrongJsonType() {
        Arbitrary<JsonNode> values = Arbitraries.oneOf(
                Arbitraries.integers().map(NODES::numberNode),
                Arbitraries.doubles().map(NODES::numberNode),
                Arbitraries.of(true, false).map(NODES::booleanNode),
                Arbitraries.strings().ofMaxLength(5).list().ofMaxSize(3).map(Flaw::array),
                Arbitraries.just(NODES.objectNode().put("value", "1200.00")),
                Arbitraries.just(NODES.nullNode()));
        Arbitrary<String> targets = Arbitraries.of(
                concat(ATTRIBUTES, DATA_FIELDS.stream().map(f -> "data/" + f).toList()));
        return Combinators.combine(targets, values)
                .as((target, value) -> new Flaw(
                        "wrong JSON type (" + value.getNodeType().name().toLowerCase() + ")",
                        "/" + target,
                        event -> at(event, target).set(last(target), value)));
    }

    static Arbitrary<Flaw> missingField() {
        return Arbitraries.of(concat(
                        concat(ATTRIBUTES, List.of("data")),
                        DATA_FIELDS.stream().map(f -> "data/" + f).toList()))
                .map(target -> new Flaw(
                        "missing field",
                        "/" + target,
                        event -> at(event, target).remove(last(target))));
    }

    static Arbitrary<Flaw> extraDataField() {
        Arbitrary<String> names = Arbitraries.strings()
                .withCharRange('a', 'z')
                .withChars("_-.$<>'\" ")
                .numeric()
                .ofMinLength(1)
                .ofMaxLength(40)
                .filter(name -> !DATA_FIELDS.contains(name));
        return names.map(name ->
                new Flaw("extra field", "/data/" + name, event -> ((ObjectNode) event.get("data")).put(name, "extra")));
    }

    /** Identifiers and attributes far longer than allowed, up to most of the body-size limit. */
    static Arbitrary<Flaw> longString() {
        Arbitrary<Integer> lengths =
                Arbitraries.integers().between(513, 900_000).withDistribution(RandomDistribution.biased());
        Arbitrary<String> targets = Arbitraries.of("id", "source", "type", "time", "data/invoiceId", "data/contractId");
        return Combinators.combine(targets, lengths, Arbitraries.chars().alpha())
                .as((target, length, c) -> new Flaw(
                        "string of " + length + " characters",
                        "/" + target,
                        event -> at(event, target)
                                .put(last(target), String.valueOf(c).repeat(length))));
    }

    static Arbitrary<Flaw> badTime() {
        return Arbitraries.of(
                        "2026-13-01T00:00:00Z",
                        "2026-02-30T10:00:00Z",
                        "2026-01-05",
                        "2026-01-05T10:00:00",
                        "2026-01-05 10:00:00Z",
                        "05/01/2026 10:00",
                        "yesterday",
                        "1969-12-31T23:59:59Z",
                        "+12026-01-05T10:00:00Z",
                        "+300000-01-05T10:00:00Z",
                        "-0001-01-05T10:00:00Z",
                        "2026-01-05T25:00:00Z",
                        "2026-01-05T10:00:00+25:00",
                        "2026-01-05T10:00:00Z\u0000")
                .map(time -> new Flaw("bad time \"" + time + "\"", "/time", event -> event.put("time", time)));
    }

    static Arbitrary<Flaw> badDate() {
        Arbitrary<String> dates = Arbitraries.of(
                "2026-02-30",
                "2026-13-01",
                "2026-1-5",
                "05/01/2026",
                "2026-01-05T00:00:00Z",
                "+12026-01-05",
                "20260105",
                "",
                "2026-00-10",
                "tomorrow");
        return Combinators.combine(Arbitraries.of("issuedOn", "dueOn"), dates)
                .as((field, date) -> new Flaw(
                        "bad date \"" + date + "\"",
                        "/data/" + field,
                        event -> ((ObjectNode) event.get("data")).put(field, date)));
    }

    static Arbitrary<Flaw> badAmount() {
        Arbitrary<JsonNode> amounts = Arbitraries.oneOf(
                Arbitraries.of(
                                "-12.00",
                                "-0.01",
                                "NaN",
                                "Infinity",
                                "1e400",
                                "1E5",
                                "12.34567",
                                "12,50",
                                "0",
                                "0.00",
                                "",
                                " 12",
                                "12 ",
                                "0x10",
                                "+12",
                                "12345678901234",
                                "1 200.00",
                                "１２")
                        .map(NODES::textNode),
                Arbitraries.of(
                                new BigDecimal("1e400"),
                                new BigDecimal("-1"),
                                new BigDecimal("12.5"),
                                new BigDecimal("0.123456789"))
                        .map(NODES::numberNode));
        return amounts.map(amount -> new Flaw(
                "bad amount " + amount,
                "/data/amount",
                event -> ((ObjectNode) event.get("data")).set("amount", amount)));
    }

    static Arbitrary<Flaw> unknownCurrency() {
        return Arbitraries.oneOf(
                        Arbitraries.of("eur", "EURO", "XXX", "XAU", "XTS", "", "€", "US$", "E U", "FRF"),
                        Arbitraries.strings()
                                .withCharRange('A', 'Z')
                                .ofLength(3)
                                .filter(Flaw::notACurrency))
                .map(currency -> new Flaw(
                        "unknown currency \"" + currency + "\"",
                        "/data/currency",
                        event -> ((ObjectNode) event.get("data")).put("currency", currency)));
    }

    static Arbitrary<Flaw> unknownType() {
        return Arbitraries.oneOf(
                        Arbitraries.of(
                                "leverwatch.invoice.paid",
                                "LEVERWATCH.INVOICE.ISSUED",
                                "leverwatch.invoice.issued ",
                                "leverwatch.contract.registered",
                                "leverwatch.access.revoked",
                                "com.example.anything"),
                        Arbitraries.strings().ofMinLength(1).ofMaxLength(60).filter(t -> !t.isBlank()))
                .map(type -> new Flaw("unknown type", "/type", event -> event.put("type", type)));
    }

    static Arbitrary<Flaw> badSpecversion() {
        return Arbitraries.of("0.3", "1", "1.0 ", "2.0", "", "v1.0", "1.00")
                .map(version -> new Flaw(
                        "specversion \"" + version + "\"", "/specversion", event -> event.put("specversion", version)));
    }

    static Arbitrary<Flaw> badSource() {
        return Arbitraries.of("http://[bad", "::: not a uri", "a b c", "https://erp.example/%zz", "\\\\share\\x")
                .map(source -> new Flaw("source \"" + source + "\"", "/source", event -> event.put("source", source)));
    }

    /**
     * Attributes PostgreSQL or UTF-8 cannot hold as sent: a NUL character, an unpaired surrogate, other control
     * characters. Stored, they would be altered or make the insert fail.
     */
    static Arbitrary<Flaw> unstorableAttribute() {
        Arbitrary<String> flawed = Arbitraries.of("\u0000", "\ud800", "\udfff", "\u0007", "\n", "\u001b[31m")
                .map(bad -> "fuzz-" + UUID.randomUUID() + bad);
        return Combinators.combine(Arbitraries.of("id", "source"), flawed)
                .as((attribute, value) -> new Flaw(
                        "unstorable character in " + attribute, "/" + attribute, event -> event.put(attribute, value)));
    }

    static Arbitrary<Flaw> notAnObjectData() {
        return Arbitraries.of(
                        NODES.textNode("{\"invoiceId\":\"x\"}"),
                        NODES.arrayNode().add(NODES.objectNode()),
                        NODES.numberNode(42),
                        NODES.booleanNode(true))
                .map(data -> new Flaw(
                        "data is " + data.getNodeType().name().toLowerCase(),
                        "/data",
                        event -> event.set("data", data)));
    }

    private static boolean notACurrency(String code) {
        return !INVOICE_SCHEMA.contains("\"" + code + "\"");
    }

    private static JsonNode array(List<String> items) {
        var array = NODES.arrayNode();
        items.forEach(array::add);
        return array;
    }

    private static ObjectNode at(ObjectNode event, String target) {
        return target.startsWith("data/") ? (ObjectNode) event.get("data") : event;
    }

    private static String last(String target) {
        return target.substring(target.lastIndexOf('/') + 1);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
