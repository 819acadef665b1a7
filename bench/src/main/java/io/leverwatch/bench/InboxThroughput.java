package io.leverwatch.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonFormat;
import io.leverwatch.events.EventCatalog;
import io.leverwatch.events.Money;
import io.leverwatch.events.Topics;
import io.leverwatch.events.access.AccessRequestRefused;
import io.leverwatch.events.access.Actor;
import io.leverwatch.events.access.ChangeReason;
import io.leverwatch.events.access.CredentialsChanged;
import io.leverwatch.events.access.RefusalReason;
import io.leverwatch.events.billing.InvoiceIssued;
import io.leverwatch.events.billing.InvoiceOverdue;
import io.leverwatch.events.billing.OverdueCause;
import io.leverwatch.events.billing.PaymentReceived;
import io.leverwatch.events.contract.AccountRegistered;
import io.leverwatch.events.contract.ContractRegistered;
import io.leverwatch.events.contract.HeldInNameOf;
import io.leverwatch.events.contract.Platform;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Feeds compliance-service's inbox directly with what the three services would publish for N contracts
 * (one in ten a leverage case: overdue invoice, codes changed by the agency, access refused pending
 * payment) and measures how fast the inbox and the saga turn them into the expected alerts.
 */
final class InboxThroughput {

    private static final JsonFormat FORMAT = new JsonFormat();
    private final io.leverwatch.platform.Platform platform;
    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    InboxThroughput(io.leverwatch.platform.Platform platform) {
        this.platform = platform;
    }

    void run(int contracts) throws Exception {
        int expectedAlerts = 0;
        long events = 0;
        long start = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                platform.kafka().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class,
                ProducerConfig.LINGER_MS_CONFIG,
                5,
                ProducerConfig.BATCH_SIZE_CONFIG,
                262_144))) {
            Instant t0 = Instant.parse("2026-01-05T09:00:00Z");
            for (int i = 0; i < contracts; i++) {
                String c = "inbox-" + i;
                boolean leverage = i % 10 == 0;
                Money amount = Money.of("1200.00", "EUR");
                events += send(
                        producer,
                        Topics.CONTRACT_EVENTS,
                        c,
                        new ContractRegistered(
                                c,
                                "agency-pixel",
                                "Agence Pixel",
                                "client-" + i,
                                "Client " + i,
                                "community management",
                                LocalDate.of(2026, 1, 5),
                                t0));
                events += send(
                        producer,
                        Topics.CONTRACT_EVENTS,
                        c,
                        new AccountRegistered(
                                c,
                                "agency-pixel",
                                c + "-fb",
                                Platform.FACEBOOK,
                                "Page",
                                HeldInNameOf.CLIENT,
                                t0.plusSeconds(60)));
                events += send(
                        producer,
                        Topics.BILLING_EVENTS,
                        c,
                        new InvoiceIssued(
                                c + "-inv",
                                c,
                                amount,
                                LocalDate.of(2026, 2, 1),
                                LocalDate.of(2026, 3, 1),
                                Instant.parse("2026-02-01T09:00:00Z")));
                if (leverage) {
                    expectedAlerts++;
                    events += send(
                            producer,
                            Topics.BILLING_EVENTS,
                            c,
                            new InvoiceOverdue(
                                    c + "-inv",
                                    c,
                                    amount,
                                    OverdueCause.DUE_DATE_PASSED,
                                    Instant.parse("2026-03-02T00:00:00Z")));
                    events += send(
                            producer,
                            Topics.ACCESS_EVENTS,
                            c,
                            new CredentialsChanged(
                                    c + "-fb",
                                    c,
                                    Actor.AGENCY,
                                    false,
                                    ChangeReason.PAYMENT_DEFAULT,
                                    Instant.parse("2026-03-10T08:00:00Z")));
                    events += send(
                            producer,
                            Topics.ACCESS_EVENTS,
                            c,
                            new AccessRequestRefused(
                                    c + "-fb",
                                    c,
                                    RefusalReason.PAYMENT_PENDING,
                                    "pay first",
                                    Instant.parse("2026-03-11T08:00:00Z")));
                } else {
                    events += send(
                            producer,
                            Topics.BILLING_EVENTS,
                            c,
                            new PaymentReceived(
                                    c + "-inv", c, amount, Money.zero("EUR"), Instant.parse("2026-02-20T09:00:00Z")));
                    events += send(
                            producer,
                            Topics.ACCESS_EVENTS,
                            c,
                            new CredentialsChanged(
                                    c + "-fb",
                                    c,
                                    Actor.AGENCY,
                                    true,
                                    ChangeReason.ROUTINE_ROTATION,
                                    Instant.parse("2026-03-10T08:00:00Z")));
                }
            }
            producer.flush();
        }
        double publishSeconds = (System.nanoTime() - start) / 1e9;
        long inbox;
        int alerts;
        long lastPrint = System.nanoTime();
        try (Database db = new Database(platform)) {
            do {
                Thread.sleep(100);
                inbox = db.inboxEvents();
                alerts = (int) db.count("select count(*) from compliance.alert_view");
                if (System.nanoTime() - lastPrint > 5e9) {
                    lastPrint = System.nanoTime();
                    System.out.printf(
                            Locale.ROOT, "  %.0f s: inbox %d, alerts %d%n", (lastPrint - start) / 1e9, inbox, alerts);
                }
            } while (inbox < events || alerts < expectedAlerts);
        }
        alerts = Bench.alerts(platform, "?limit=10000").size();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "inbox + saga: contracts=%d events=%d expected alerts=%d found=%d%n",
                contracts,
                events,
                expectedAlerts,
                alerts);
        System.out.printf(
                Locale.ROOT,
                "published in %.1f s; all events in the inbox and every expected alert on the"
                        + " API after %.1f s: %.0f events/s%n",
                publishSeconds,
                seconds,
                events / seconds);
        System.out.printf(
                Locale.ROOT,
                "heap used after run: %d MiB%n",
                (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
    }

    private int send(KafkaProducer<byte[], byte[]> producer, String topic, String contractId, Object payload)
            throws Exception {
        String type = EventCatalog.typeOf(payload.getClass()).orElseThrow();
        Instant time = (Instant) payload.getClass().getMethod("occurredAt").invoke(payload);
        var event = CloudEventBuilder.v1()
                .withId(UUID.randomUUID().toString())
                .withSource(URI.create("urn:leverwatch:bench"))
                .withType(type)
                .withSubject(contractId)
                .withTime(time.atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(mapper.writeValueAsBytes(payload))
                .withExtension(Topics.EXT_CONTRACT_ID, contractId)
                .withExtension(Topics.EXT_ORIGIN_SOURCE, "https://erp.bench.example")
                .build();
        var record = new ProducerRecord<>(topic, contractId.getBytes(StandardCharsets.UTF_8), FORMAT.serialize(event));
        record.headers().add("content-type", JsonFormat.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        producer.send(record);
        return 1;
    }
}
