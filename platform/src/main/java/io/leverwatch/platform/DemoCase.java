package io.leverwatch.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The case of LEGAL.md, sent through the platform's own public ingestion as an agency would: a
 * community-management contract, Facebook and X accounts opened in the client's name, two invoices left
 * unpaid, termination, codes changed by the agency, the client's request for access refused "until
 * payment", and a promotion starting. It ends as one CRITICAL alert. The event ids are fixed, so sending it
 * again at every start changes nothing (it is answered as duplicates).
 */
public final class DemoCase {

    public static final String CONTRACT = "demo-maison-lefevre-cm";
    private static final Logger log = LoggerFactory.getLogger(DemoCase.class);
    private static final String SOURCE = "https://erp.agence-pixel.example";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final Platform platform;
    private final String key;
    private final String contract;
    private final String idPrefix;

    DemoCase(Platform platform) {
        this(platform, CONTRACT, "demo-");
    }

    /** The same case under another contract id, with its own event ids (for benchmarks and tests). */
    public DemoCase(Platform platform, String contract, String idPrefix) {
        this.platform = platform;
        this.key = platform.demo().keyOf(DemoAgencies.AGENCY_PIXEL);
        this.contract = contract;
        this.idPrefix = idPrefix;
    }

    public void load() {
        boolean demo = CONTRACT.equals(contract);
        String fb = demo ? "fb-maison-lefevre" : contract + "-fb";
        String x = demo ? "x-maison-lefevre" : contract + "-x";
        String invoice1 = demo ? "PIX-2026-001" : contract + "-inv1";
        String invoice2 = demo ? "PIX-2026-002" : contract + "-inv2";
        send(
                "contract",
                List.of(
                        event(
                                idPrefix + "1",
                                "leverwatch.contract.registered",
                                "2025-09-01T09:00:00Z",
                                Map.of(
                                        "contractId", contract,
                                        "agencyId", DemoAgencies.AGENCY_PIXEL,
                                        "agencyName", "Agence Pixel",
                                        "clientId", "client-maison-lefevre",
                                        "clientName", "Maison Lefèvre",
                                        "scope", "Community management of the client's Facebook page and X account",
                                        "startDate", "2025-09-01")),
                        event(
                                idPrefix + "2",
                                "leverwatch.contract.account-registered",
                                "2025-09-01T10:00:00Z",
                                Map.of(
                                        "contractId",
                                        contract,
                                        "accountId",
                                        fb,
                                        "platform",
                                        "FACEBOOK",
                                        "label",
                                        "Facebook page Maison Lefèvre",
                                        "heldInNameOf",
                                        "CLIENT")),
                        event(
                                idPrefix + "3",
                                "leverwatch.contract.account-registered",
                                "2025-09-01T10:05:00Z",
                                Map.of(
                                        "contractId",
                                        contract,
                                        "accountId",
                                        x,
                                        "platform",
                                        "X_TWITTER",
                                        "label",
                                        "X account @maisonlefevre",
                                        "heldInNameOf",
                                        "CLIENT")),
                        event(
                                idPrefix + "4",
                                "leverwatch.contract.critical-period-declared",
                                "2026-03-20T09:00:00Z",
                                Map.of(
                                        "contractId",
                                        contract,
                                        "from",
                                        "2026-04-10T00:00:00Z",
                                        "to",
                                        "2026-04-30T23:59:59Z",
                                        "description",
                                        "Spring promotion announced on the client's pages")),
                        event(
                                idPrefix + "5",
                                "leverwatch.contract.terminated",
                                "2026-03-01T09:00:00Z",
                                Map.of(
                                        "contractId",
                                        contract,
                                        "terminatedBy",
                                        "CLIENT",
                                        "effectiveAt",
                                        "2026-03-31T23:59:59Z",
                                        "reason",
                                        "The client ends the contract with one month's notice"))));
        send(
                "billing",
                List.of(
                        event(
                                idPrefix + "6",
                                "leverwatch.invoice.issued",
                                "2026-01-05T09:00:00Z",
                                Map.of(
                                        "invoiceId",
                                        invoice1,
                                        "contractId",
                                        contract,
                                        "amount",
                                        "1800.00",
                                        "currency",
                                        "EUR",
                                        "issuedOn",
                                        "2026-01-05",
                                        "dueOn",
                                        "2026-02-04")),
                        event(
                                idPrefix + "7",
                                "leverwatch.invoice.issued",
                                "2026-02-05T09:00:00Z",
                                Map.of(
                                        "invoiceId",
                                        invoice2,
                                        "contractId",
                                        contract,
                                        "amount",
                                        "1800.00",
                                        "currency",
                                        "EUR",
                                        "issuedOn",
                                        "2026-02-05",
                                        "dueOn",
                                        "2026-03-06")),
                        event(
                                idPrefix + "8",
                                "leverwatch.invoice.payment-received",
                                "2026-03-10T14:00:00Z",
                                Map.of("invoiceId", invoice2, "amount", "300.00", "currency", "EUR"))));
        send(
                "access",
                List.of(
                        event(
                                idPrefix + "9",
                                "leverwatch.access.credentials-changed",
                                "2026-04-01T08:00:00Z",
                                Map.of(
                                        "accountId",
                                        fb,
                                        "changedBy",
                                        "AGENCY",
                                        "ownerRetainsAccess",
                                        false,
                                        "reason",
                                        "PAYMENT_DEFAULT")),
                        event(
                                idPrefix + "10",
                                "leverwatch.access.credentials-changed",
                                "2026-04-01T08:05:00Z",
                                Map.of(
                                        "accountId",
                                        x,
                                        "changedBy",
                                        "AGENCY",
                                        "ownerRetainsAccess",
                                        false,
                                        "reason",
                                        "PAYMENT_DEFAULT")),
                        event(
                                idPrefix + "11",
                                "leverwatch.access.requested",
                                "2026-04-02T09:00:00Z",
                                Map.of("accountId", fb)),
                        event(
                                idPrefix + "12",
                                "leverwatch.access.request-refused",
                                "2026-04-02T15:00:00Z",
                                Map.of(
                                        "accountId",
                                        fb,
                                        "reason",
                                        "PAYMENT_PENDING",
                                        "statement",
                                        "Access will be handed back once the two invoices are paid."))));
        log.info("Demo case sent: contract {} (it ends as a CRITICAL alert on the dashboard)", contract);
    }

    private void send(String service, List<Map<String, Object>> events) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + platform.port(service) + "/api/events"))
                            .header("Authorization", "Bearer " + key)
                            .header("Content-Type", "application/cloudevents-batch+json")
                            .POST(HttpRequest.BodyPublishers.ofString(MAPPER.writeValueAsString(events)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 202) {
                throw new IllegalStateException("the demo case was refused by " + service + ": " + response.statusCode()
                        + " " + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not send the demo case to " + service, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> event(String id, String type, String time, Map<String, Object> data) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("specversion", "1.0");
        event.put("id", id);
        event.put("source", SOURCE);
        event.put("type", type);
        event.put("time", time);
        event.put("datacontenttype", "application/json");
        event.put("data", data);
        return event;
    }
}
