package io.leverwatch.compliance.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** A client of {@code GET /api/alerts/stream}: keeps every {@code alert} event it receives, in order. */
final class LiveStream implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<JsonNode> alerts = new CopyOnWriteArrayList<>();
    private final InputStream body;
    private final int status;
    private volatile boolean connected;

    private LiveStream(HttpResponse<InputStream> response) {
        this.status = response.statusCode();
        this.body = response.body();
        Thread reader = new Thread(this::read, "live-stream-client");
        reader.setDaemon(true);
        reader.start();
    }

    static LiveStream open(HttpClient http, URI uri, String credentials) throws Exception {
        // A stream that never answers must fail the test, not hang the build.
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Accept", "text/event-stream");
        ComplianceIntegrationTest.authorize(request, credentials);
        return new LiveStream(http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
    }

    int status() {
        return status;
    }

    /** Waits for the stream's first comment: from then on, no change is missed. */
    LiveStream awaitConnected() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!connected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        if (!connected) {
            throw new IllegalStateException("the live stream did not open (status " + status + ")");
        }
        return this;
    }

    /** Waits until an alert event satisfies the condition; returns every alert event received so far. */
    List<JsonNode> await(Predicate<JsonNode> condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (alerts.stream().noneMatch(condition) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return List.copyOf(alerts);
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String event = null;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith(":")) {
                    connected = true;
                } else if (line.startsWith("event:")) {
                    event = line.substring(6).trim();
                } else if (line.startsWith("data:") && "alert".equals(event)) {
                    alerts.add(JSON.readTree(line.substring(5)));
                } else if (line.isEmpty()) {
                    event = null;
                }
            }
        } catch (IOException e) {
            // closed by the test
        }
    }

    @Override
    public void close() throws IOException {
        body.close();
    }
}
