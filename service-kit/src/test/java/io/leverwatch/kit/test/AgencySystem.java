package io.leverwatch.kit.test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Sends a structured CloudEvent to a service as an agency's system does, authenticated by its API key. */
public final class AgencySystem {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** POSTs the event to the service's {@code /api/events} on this port. */
    public static HttpResponse<String> post(int port, String apiKey, Map<String, Object> event) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/events"))
                .header("Content-Type", "application/cloudevents+json")
                .header("Authorization", "Bearer " + apiKey)
                .POST(HttpRequest.BodyPublishers.ofString(CloudEvents.json(event)))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Writes the event to the service's inbound topic under this record key. */
    public static void send(String inboundTopic, String apiKey, String recordKey, Map<String, Object> event)
            throws Exception {
        try (var producer = new KafkaProducer<byte[], byte[]>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            var record = new ProducerRecord<>(
                    inboundTopic,
                    recordKey.getBytes(StandardCharsets.UTF_8),
                    CloudEvents.json(event).getBytes(StandardCharsets.UTF_8));
            record.headers().add("authorization", ("Bearer " + apiKey).getBytes(StandardCharsets.UTF_8));
            record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        }
    }

    private AgencySystem() {}
}
