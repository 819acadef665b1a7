package io.leverwatch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.leverwatch.platform.Platform;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Watches the officers' live stream ({@code GET /api/alerts/stream}, one {@code alert} event per change, sent once the
 * change is committed and readable on the API) and remembers when each contract's first alert showed.
 */
final class AlertWatcher implements AutoCloseable {

    private final Map<String, Long> firstSeenNanos = new ConcurrentHashMap<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> stream;

    AlertWatcher(Platform platform) throws Exception {
        String credentials = "officer:" + platform.demo().users().get("officer");
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + platform.port("compliance") + "/api/alerts/stream"))
                .header(
                        "Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "text/event-stream")
                .build();
        this.stream = Bench.HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        HttpResponse<Stream<String>> response = stream.get();
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /api/alerts/stream: " + response.statusCode());
        }
        Thread reader = new Thread(() -> read(response.body()), "bench-alert-stream");
        reader.setDaemon(true);
        reader.start();
    }

    private void read(Stream<String> lines) {
        try {
            readEach(lines);
        } catch (UncheckedIOException closed) {
            // by close() at the end of the run: the stream ends here
        }
    }

    private void readEach(Stream<String> lines) {
        lines.forEach(line -> {
            if (line.startsWith("data:")) {
                long now = System.nanoTime();
                try {
                    JsonNode alert = Bench.MAPPER.readTree(line.substring(5).trim());
                    firstSeenNanos.putIfAbsent(alert.get("contractId").asText(), now);
                } catch (Exception e) {
                    // a line the bench cannot read is not an alert it waits for
                }
            }
        });
    }

    /** When the contract's first alert was streamed ({@link System#nanoTime}), or null. */
    Long firstSeen(String contractId) {
        return firstSeenNanos.get(contractId);
    }

    /** How many contracts whose id starts with the prefix have had an alert streamed. */
    long contractsSeen(String prefix) {
        return firstSeenNanos.keySet().stream()
                .filter(id -> id.startsWith(prefix))
                .count();
    }

    @Override
    public void close() {
        stream.thenAccept(response -> response.body().close());
    }
}
