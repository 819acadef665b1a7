package io.leverwatch.compliance.dashboard;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leverwatch.compliance.ComplianceServiceApplication;
import io.leverwatch.compliance.query.AlertFilter;
import io.leverwatch.compliance.query.AlertQueries;
import io.leverwatch.compliance.query.AlertView;
import io.leverwatch.compliance.testing.LegalCase;
import io.leverwatch.compliance.testing.ServicePublishers;
import io.leverwatch.compliance.testing.ServicePublishers.Published;
import io.leverwatch.kit.test.RealInfrastructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * compliance-service on the real PostgreSQL and Kafka broker, in embedded mode with the three demo users, for the
 * dashboard's tests. Alerts are raised as in production: the three services' events, published on their topics.
 *
 * <p>The context is closed after each test class: the tests of other packages start contexts of their own on the
 * same database and broker, and a context left open would keep the alert processors' claims from them.
 */
@SpringBootTest(
        classes = ComplianceServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=compliance-service",
            "leverwatch.embedded=true",
            "leverwatch.demo-users[0]=officer=" + DashboardIntegrationTest.OFFICER_PASSWORD,
            "leverwatch.demo-users[1]=operator=" + DashboardIntegrationTest.OPERATOR_PASSWORD,
            "leverwatch.demo-users[2]=auditor=" + DashboardIntegrationTest.AUDITOR_PASSWORD
        })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class DashboardIntegrationTest {

    static final String OFFICER_PASSWORD = "officer-dashboard-password";
    static final String OPERATOR_PASSWORD = "operator-dashboard-password";
    static final String AUDITOR_PASSWORD = "auditor-dashboard-password";
    static final Duration PATIENCE = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("leverwatchKafkaTemplate")
    KafkaTemplate<byte[], byte[]> kafka;

    @Autowired
    ObjectMapper springMapper;

    @Autowired
    AlertQueries queries;

    ServicePublishers services;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry);
    }

    @BeforeEach
    void publishers() {
        services = new ServicePublishers(kafka, springMapper);
    }

    /** Publishes the whole case of LEGAL.md under a new contract; returns it once its CRITICAL alert is complete. */
    AlertView raiseCriticalAlert() throws InterruptedException {
        return awaitAlert(publishLegalCase());
    }

    /** Publishes the case of LEGAL.md under a new contract, without waiting for its alert. */
    PublishedCase publishLegalCase() {
        LegalCase legalCase = new LegalCase("c-" + UUID.randomUUID());
        List<Published> sent = new ArrayList<>();
        legalCase.contractEvents().forEach(e -> sent.add(services.publish(e, LegalCase.AGENCY)));
        legalCase.billingEvents().forEach(e -> sent.add(services.publish(e, LegalCase.AGENCY)));
        legalCase.overdueEvents().forEach(e -> sent.add(services.publishDerived(e)));
        legalCase.accessEvents().forEach(e -> sent.add(services.publish(e, LegalCase.AGENCY)));
        return new PublishedCase(legalCase, sent.get(sent.size() - 1).eventId());
    }

    /** A case as published, and the id of its last event (the refusal that makes its alert CRITICAL). */
    record PublishedCase(LegalCase legalCase, String lastEventId) {

        String contractId() {
            return legalCase.contractId;
        }
    }

    /** Waits until the case's alert cites its last event, so that the saga has seen them all. */
    AlertView awaitAlert(PublishedCase published) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<AlertView> alert = alertOf(published.contractId());
            if (alert.isPresent() && evidenceIds(alert.get()).contains(published.lastEventId())) {
                return alert.get();
            }
            Thread.sleep(200);
        }
        return fail("no complete alert for " + published.contractId() + " within " + PATIENCE);
    }

    Optional<AlertView> alertOf(String contractId) {
        return queries.find(new AlertFilter(List.of(), List.of(), List.of(), contractId, null, 10)).stream()
                .findFirst();
    }

    /** The alert with its history, as it is now. */
    AlertView current(String alertId) {
        return queries.findWithHistory(alertId).orElseThrow();
    }

    static Set<String> evidenceIds(AlertView alert) {
        Set<String> ids = new HashSet<>();
        alert.evidence().forEach(e -> ids.add(e.path("id").asText()));
        return ids;
    }
}
