package io.leverwatch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leverwatch.platform.Platform;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * Replay throughput: fills compliance's inbox through the Kafka path ({@link InboxThroughput}: five events a contract,
 * six for the one in ten that is a leverage case), then times {@code POST /api/admin/replay} to completion twice: once on
 * consistent state (every saga checked against its recomputed decisions, the read model rebuilt in a shadow), and
 * once after every saga was deleted (every saga rewritten, every alert reconciled with idempotent commands).
 */
final class ReplayThroughput {

    private final Platform platform;

    ReplayThroughput(Platform platform) {
        this.platform = platform;
    }

    void run(int events) throws Exception {
        // Five events a contract, six for the one in ten that is a leverage case: 51 events per ten contracts.
        int contracts = (int) Math.ceil(events * 10 / 51.0);
        new InboxThroughput(platform).run(contracts);
        try (Database db = new Database(platform)) {
            long inbox = db.count("select count(*) from compliance.inbox_index");
            System.out.printf(Locale.ROOT, "inbox: %d events of %d contracts%n", inbox, contracts);

            report("replay, consistent state", replay());
            db.execute("delete from compliance.associationvalueentry");
            db.execute("delete from compliance.sagaentry");
            report("replay, every saga lost", replay());
        }
    }

    /**
     * Replays every contract on the state as it is; events replayed per second over the replay's duration as
     * compliance-service measures it (from the POST's start of the replay to COMPLETED).
     */
    double eventsPerSecond() throws Exception {
        JsonNode status = replay();
        if (!"COMPLETED".equals(status.get("state").asText())) {
            throw new IllegalStateException("replay did not complete: " + status);
        }
        report("replay, consistent state", status);
        return status.get("eventsDone").asLong() / status.get("durationSeconds").asDouble();
    }

    private JsonNode replay() throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> response = Bench.HTTP.send(
                request("/api/admin/replay")
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IllegalStateException("POST /api/admin/replay: " + response.statusCode() + " " + response.body());
        }
        JsonNode status;
        // Once a second: each poll is a password check (bcrypt) in compliance-service, whose CPU the replay needs.
        do {
            Thread.sleep(1_000);
            status = Bench.MAPPER.readTree(Bench.HTTP
                    .send(request("/api/admin/replay").GET().build(), HttpResponse.BodyHandlers.ofString())
                    .body());
        } while ("RUNNING".equals(status.get("state").asText()));
        ((ObjectNode) status).put("wallSeconds", (System.nanoTime() - started) / 1e9);
        return status;
    }

    private static void report(String what, JsonNode status) {
        long events = status.get("eventsDone").asLong();
        double duration = status.path("durationSeconds").asDouble();
        double sagaRate = status.get("eventsPerSecond").asDouble();
        double sagaSeconds = sagaRate > 0 ? events / sagaRate : 0;
        System.out.printf(
                Locale.ROOT,
                "%s: %s, %d events of %d contracts in %.2f s (started by the POST to COMPLETED, as compliance"
                        + " measures it; %.1f s as polled once a second): %.0f events/s overall; saga phase %.2f s,"
                        + " %.0f events/s; alert view rebuilt beside it (for every contract) and %.2f s after it,"
                        + " %d alerts rebuilt; outcome %s%n",
                what,
                status.get("state").asText(),
                events,
                status.get("contractsDone").asLong(),
                duration,
                status.get("wallSeconds").asDouble(),
                duration > 0 ? events / duration : 0,
                sagaSeconds,
                sagaRate,
                Math.max(0, duration - sagaSeconds),
                status.get("alertsRebuilt").asLong(),
                status.get("outcome"));
    }

    private HttpRequest.Builder request(String path) {
        String credentials = "operator:" + platform.demo().users().get("operator");
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + platform.port("compliance") + path))
                .header(
                        "Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
}
