package io.leverwatch.platform.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends a workload's access events to access-service's public ingestion as the agency's vault does: one batch per
 * contract, sent again until it is answered 202. A refused connection (the service is down) or a 503 (its database
 * is) is retried; anything else fails the test. Counts what the service answered accepted and duplicate, so a test
 * can tell that each event was accepted exactly once however often it was sent.
 */
public final class AccessIngestion {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration GIVE_UP = Duration.ofSeconds(90);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final int port;
    private final AtomicInteger contractsSent = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger duplicates = new AtomicInteger();
    private final AtomicInteger retries = new AtomicInteger();

    public AccessIngestion(int port) {
        this.port = port;
    }

    /** Sends the access events of contracts [from, to), in order, each batch until it is accepted. */
    public void send(LeverageWorkload run, int from, int to) throws Exception {
        for (int i = from; i < to; i++) {
            sendUntilAccepted(MAPPER.writeValueAsString(run.accessCloudEvents(i)));
            contractsSent.incrementAndGet();
        }
    }

    private void sendUntilAccepted(String batch) throws Exception {
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        while (true) {
            try {
                HttpResponse<String> response = http.send(request(batch), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 202) {
                    JsonNode answer = MAPPER.readTree(response.body());
                    accepted.addAndGet(answer.path("accepted").asInt());
                    duplicates.addAndGet(answer.path("duplicates").asInt());
                    return;
                }
                if (response.statusCode() != 503) {
                    throw new AssertionError(
                            "access-service answered " + response.statusCode() + ": " + response.body());
                }
            } catch (IOException refusedOrCut) {
                // the service is stopping or stopped: an agency's system sends the batch again
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("access-service accepted nothing for " + GIVE_UP);
            }
            retries.incrementAndGet();
            Thread.sleep(100); // a client's retry interval, not a wait for a condition
        }
    }

    private HttpRequest request(String batch) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/events"))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + FaultStack.KEY)
                .header("Content-Type", "application/cloudevents-batch+json")
                .POST(HttpRequest.BodyPublishers.ofString(batch))
                .build();
    }

    /** Contracts whose batch was answered 202 so far. */
    public int contractsSent() {
        return contractsSent.get();
    }

    public int accepted() {
        return accepted.get();
    }

    public int duplicates() {
        return duplicates.get();
    }

    public int retries() {
        return retries.get();
    }
}
