package io.leverwatch.kit.contracts;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leverwatch.events.Topics;
import io.leverwatch.kit.KafkaConsumers;
import io.leverwatch.kit.KitMigrations;
import io.leverwatch.kit.LeverwatchProperties;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Import it to learn contracts from {@code leverwatch.contract.events}, in the service's own consumer group
 * ({@code <service>-contracts}): provides {@link KnownContracts} with its table ({@code db/kit-contracts}),
 * publishes {@link ContractBecameKnown}, and passes other events to the service's {@link ContractEventHandler}s.
 * A poll's records are handled together (its contracts learnt in one transaction) and retried together without
 * limit: a registration skipped would hold what waits for it forever. Every step is idempotent (a contract or account
 * learned again, a release of nothing held), so a poll handled again after a failure changes nothing.
 */
@Configuration(proxyBeanMethods = false)
public class ContractEventsConsumption {

    @Bean
    FlywayConfigurationCustomizer knownContractTables() {
        return KitMigrations.including("db/kit-contracts");
    }

    @Bean
    KnownContracts knownContracts(JdbcTemplate jdbc) {
        return new KnownContracts(jdbc);
    }

    /** Declared here too, so the service can start before contract-service has ever published. */
    @Bean
    NewTopic contractEventsTopic() {
        return new NewTopic(Topics.CONTRACT_EVENTS, 3, (short) 1);
    }

    @Bean
    ContractEventsListener contractEventsListener(
            ObjectMapper mapper,
            KnownContracts contracts,
            ObjectProvider<ContractEventHandler<?>> handlers,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactionManager) {
        return new ContractEventsListener(
                mapper,
                contracts,
                handlers.orderedStream().toList(),
                events,
                new TransactionTemplate(transactionManager));
    }

    @Bean
    ConcurrentMessageListenerContainer<byte[], byte[]> contractEventsContainer(
            KafkaProperties kafka, LeverwatchProperties properties, ContractEventsListener listener) {
        return KafkaConsumers.aPollAtATime(
                kafka, Topics.CONTRACT_EVENTS, properties.getService() + "-contracts", (BatchMessageListener<
                                byte[], byte[]>)
                        listener::onRecords);
    }
}
