package io.leverwatch.kit.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leverwatch.events.EventCatalog;
import io.leverwatch.events.EventTypes;
import io.leverwatch.events.contract.ContractRegistered;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads {@code leverwatch.contract.events} (structured CloudEvents whose {@code data} is the events-api record), a
 * poll at a time: learns the poll's registered contracts and their agencies in one transaction, then hands each
 * handler the poll's events of its type, in order. A record that cannot be read is logged and skipped, since retrying
 * cannot repair it; a database or broker failure is thrown, so the poll is retried.
 *
 * <p>Learning every contract of the poll before any handler runs keeps what a record at a time gave: an event about a
 * contract comes after the contract's registration on its partition, so its contract is known when it is handled.
 */
class ContractEventsListener {

    private static final Logger log = LoggerFactory.getLogger(ContractEventsListener.class);

    private final ObjectMapper mapper;
    private final KnownContracts contracts;
    /** The service's handlers by the CloudEvents type of the events they take. */
    private final Map<String, List<ContractEventHandler<?>>> handlersByType = new HashMap<>();

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
        handlers.forEach(handler -> EventCatalog.typeOf(handler.eventType())
                .ifPresent(type -> handlersByType
                        .computeIfAbsent(type, t -> new ArrayList<>())
                        .add(handler)));
        this.events = events;
        this.transaction = transaction;
    }

    void onRecords(List<ConsumerRecord<byte[], byte[]>> records) {
        List<ContractRegistered> registered = new ArrayList<>();
        Map<ContractEventHandler<?>, List<Object>> handled = new LinkedHashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            JsonNode event = parse(record);
            if (event == null) {
                continue;
            }
            String type = event.path("type").asText();
            if (EventTypes.CONTRACT_REGISTERED.equals(type)) {
                ContractRegistered contract = data(event, record, ContractRegistered.class);
                if (contract != null) {
                    registered.add(contract);
                }
            }
            for (ContractEventHandler<?> handler : handlersByType.getOrDefault(type, List.of())) {
                Object data = data(event, record, handler.eventType());
                if (data != null) {
                    handled.computeIfAbsent(handler, h -> new ArrayList<>()).add(data);
                }
            }
        }
        learn(registered);
        handled.forEach(ContractEventsListener::handle);
    }

    private void learn(List<ContractRegistered> registered) {
        if (registered.isEmpty()) {
            return;
        }
        transaction.executeWithoutResult(status -> {
            contracts.registerAll(registered);
            // Also on a redelivery: releasing what is held is idempotent, and cheap when nothing is.
            registered.forEach(contract ->
                    events.publishEvent(new ContractBecameKnown(contract.contractId(), contract.agencyId())));
        });
    }

    @SuppressWarnings("unchecked")
    private static <T> void handle(ContractEventHandler<T> handler, List<Object> events) {
        handler.onAll((List<T>) events);
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
