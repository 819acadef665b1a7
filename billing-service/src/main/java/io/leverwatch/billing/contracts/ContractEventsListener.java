package io.leverwatch.billing.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leverwatch.events.EventTypes;
import io.leverwatch.events.contract.ContractRegistered;
import java.io.IOException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Learns contracts from {@code leverwatch.contract.events} (structured CloudEvents whose {@code data} is the
 * events-api record). Only registrations matter here: they tell which agency owns a contract.
 */
@Component
class ContractEventsListener {

    private static final Logger log = LoggerFactory.getLogger(ContractEventsListener.class);

    private final ObjectMapper mapper;
    private final KnownContracts contracts;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    ContractEventsListener(
            ObjectMapper mapper,
            KnownContracts contracts,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactionManager) {
        this.mapper = mapper;
        this.contracts = contracts;
        this.events = events;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** A database or broker failure is thrown, so the record is retried rather than skipped. */
    void onRecord(ConsumerRecord<byte[], byte[]> record) {
        JsonNode event = parse(record);
        if (event == null
                || !EventTypes.CONTRACT_REGISTERED.equals(event.path("type").asText())) {
            return;
        }
        ContractRegistered registered;
        try {
            registered = mapper.treeToValue(event.get("data"), ContractRegistered.class);
        } catch (IOException | IllegalArgumentException e) {
            // Retrying cannot repair a record: say so loudly and move on.
            log.error(
                    "unreadable registration {} at {}@{}: {}",
                    event.path("id").asText(),
                    record.topic(),
                    record.offset(),
                    e.getMessage());
            return;
        }
        transaction.executeWithoutResult(status -> {
            if (contracts.register(registered.contractId(), registered.agencyId())) {
                log.info("contract {} of agency {} is known", registered.contractId(), registered.agencyId());
            }
            // Also on a redelivery: releasing what is held is idempotent, and cheap when nothing is.
            events.publishEvent(new ContractBecameKnown(registered.contractId(), registered.agencyId()));
        });
    }

    private JsonNode parse(ConsumerRecord<byte[], byte[]> record) {
        try {
            return record.value() == null ? null : mapper.readTree(record.value());
        } catch (IOException e) {
            log.error(
                    "unparseable record at {}-{}@{} ignored: {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    e.getMessage());
            return null;
        }
    }
}
