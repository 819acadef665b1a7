package io.leverwatch.kit.gate;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leverwatch.kit.KitMigrations;
import io.leverwatch.kit.publish.OutboundPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Import it to hold events at publication until contract-service has registered what they are about, and to
 * quarantine another agency's: provides {@link PublicationHold} for the service's gate and
 * {@link HeldEventRelease} for its release, with their tables ({@code db/kit-gate}).
 */
@Configuration(proxyBeanMethods = false)
public class PublicationHolding {

    @Bean
    FlywayConfigurationCustomizer publicationGateTables() {
        return KitMigrations.including("db/kit-gate");
    }

    @Bean
    PublicationLocks publicationLocks(JdbcTemplate jdbc) {
        return new PublicationLocks(jdbc);
    }

    @Bean
    HeldPublications heldPublications(JdbcTemplate jdbc, ObjectMapper mapper) {
        return new HeldPublications(jdbc, mapper);
    }

    @Bean
    Quarantine quarantine(JdbcTemplate jdbc, ObjectMapper mapper, MeterRegistry registry) {
        return new Quarantine(jdbc, mapper, registry);
    }

    @Bean
    PublicationHold publicationHold(PublicationLocks locks, HeldPublications held, Quarantine quarantine) {
        return new PublicationHold(locks, held, quarantine);
    }

    @Bean
    HeldEventRelease heldEventRelease(
            PublicationLocks locks, HeldPublications held, Quarantine quarantine, OutboundPublisher publisher) {
        return new HeldEventRelease(locks, held, quarantine, publisher);
    }
}
