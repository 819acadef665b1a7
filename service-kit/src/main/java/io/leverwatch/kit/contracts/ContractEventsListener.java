package io.leverwatch.kit.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leverwatch.events.EventCatalog;
import io.leverwatch.events.EventTypes;
import io.leverwatch.events.contract.ContractRegistered;
import java.io.IOException;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads {@code leverwatch.contract.events} (structured CloudEvents whose {@code data} is the events-api record):
 * learns each registered contract and its agency, then hands every event to the service's handlers for its
 * type. A record that cannot be read is logged and skipped, since retrying cannot repair it; a database or
 * broker failure is thrown, so the record is retried.
 */
class ContractEventsListener {

    private static final Logger log = LoggerFactory.getLogger(ContractEventsListener.class);

    private final ObjectMapper mapper;
    private final KnownContracts contracts;
    private final List<ContractEventHandler<?>> handlers;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    ContractEventsListener(
            ObjectMapper mapper,
            KnownContracts contracts,
            List<ContractEventHandler<?>> handlers,
            ApplicationEventPublisher events,
            TransactionTemplate transaction) {
        this.mapper = mapper;
        this.contracts = contracts;
        this.handlers = handlers;
        this.events = events;
        this.transaction = transaction;
    }

    void onRecord(ConsumerRecord<byte[], byte[]> record) {
        JsonNode event = parse(record);
        if (event == null) {
            return;
        }
        String type = event.path("type").asText();
        if (EventTypes.CONTRACT_REGISTERED.equals(type)) {
            ContractRegistered registered = data(event, record, ContractRegistered.class);
            if (registered != null) {
                learn(registered);
            }
        }
        for (ContractEventHandler<?> handler : handlers) {
            if (EventCatalog.typeOf(handler.eventType()).filter(type::equals).isPresent()) {
                handle(handler, event, record);
            }
        }
    }

    private void learn(ContractRegistered registered) {
        transaction.executeWithoutResult(status -> {
            if (contracts.register(registered.contractId(), registered.agencyId())) {
                log.debug("contract {} of agency {} is known", registered.contractId(), registered.agencyId());
            }
            // Also on a redelivery: releasing what is held is idempotent, and cheap when nothing is.
            events.publishEvent(new ContractBecameKnown(registered.contractId(), registered.agencyId()));
        });
    }

    private <T> void handle(ContractEventHandler<T> handler, JsonNode event, ConsumerRecord<byte[], byte[]> record) {
        T data = data(event, record, handler.eventType());
        if (data != null) {
            handler.on(data);
        }
    }

    private <T> T data(JsonNode event, ConsumerRecord<byte[], byte[]> record, Class<T> type) {
        try {
            return mapper.treeToValue(event.get("data"), type);
        } catch (IOException | IllegalArgumentException e) {
            log.error(
                    "unreadable {} {} at {}@{}: {}",
                    type.getSimpleName(),
                    event.path("id").asText(),
                    record.topic(),
                    record.offset(),
                    e.getMessage());
            return null;
        }
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
