package io.leverwatch.kit.test;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The base of a service's end-to-end test, a {@code @SpringBootTest} on a random port: the service runs on the
 * real PostgreSQL and Kafka broker, in embedded mode, with agencies {@code agency-a} and {@code agency-b} holding
 * {@link #KEY_A} and {@link #KEY_B}; the test sends events as their systems do.
 */
@TestPropertySource(
        properties = {
            "leverwatch.embedded=true",
            "leverwatch.demo-keys[0]=agency-a=" + ServiceEndToEnd.KEY_A,
            "leverwatch.demo-keys[1]=agency-b=" + ServiceEndToEnd.KEY_B
        })
public abstract class ServiceEndToEnd {

    public static final String KEY_A = "lw_test_key_for_agency_a_0123456789abcdef";
    public static final String KEY_B = "lw_test_key_for_agency_b_0123456789abcdef";
    protected static final ObjectMapper MAPPER = new ObjectMapper();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected MeterRegistry meters;

    @DynamicPropertySource
    static void realInfrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry);
    }

    /** POSTs the event to the service under test with this agency key. */
    protected HttpResponse<String> post(String apiKey, Map<String, Object> event) throws Exception {
        return AgencySystem.post(port, apiKey, event);
    }

    /** See {@link Rows#awaitCount}, on the service's own schema. */
    protected void awaitCount(String countQuery, String id, int expected) throws InterruptedException {
        Rows.awaitCount(jdbc, countQuery, id, expected);
    }

    /** How many events the service's publication gate has quarantined so far, of every type. */
    protected double quarantined() {
        return meters.find("leverwatch.quarantined").counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }
}
