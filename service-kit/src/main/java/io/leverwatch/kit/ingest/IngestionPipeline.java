package io.leverwatch.kit.ingest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accepts validated events, in order, each in its own transaction: the event is recorded for
 * de-duplication, its ownership is checked and it becomes a command; a redelivered event counts as a
 * duplicate and changes nothing. A delivery is validated whole before this (a 400 accepts nothing); if a
 * business rule then refuses event k, events before it stay accepted and the refusal says so.
 *
 * <p>Why not one transaction per batch: an aggregate's lock is released when its command ends, before
 * the batch would commit, so another writer of the same aggregate (a Kafka consumer) could wait on the
 * uncommitted rows while the batch waits for the aggregate again: a deadlock between the JVM lock and the
 * database lock. One transaction per event has no such cycle; a lost race is retried.
 */
public class IngestionPipeline {

    private static final Logger log = LoggerFactory.getLogger(IngestionPipeline.class);
    private static final int MAX_ATTEMPTS = 5;

    private final Map<String, InboundEventHandler> handlersByType = new HashMap<>();
    private final ProcessedEvents processed;
    private final TransactionTemplate transaction;
    private final IngestMetrics metrics;

    public IngestionPipeline(
            List<InboundEventHandler> handlers,
            ProcessedEvents processed,
            TransactionTemplate transaction,
            IngestMetrics metrics) {
        handlers.forEach(h -> h.types().forEach(t -> handlersByType.put(t, h)));
        this.processed = processed;
        this.transaction = transaction;
        this.metrics = metrics;
    }

    public java.util.Set<String> types() {
        return handlersByType.keySet();
    }

    public IngestionResult accept(List<InboundEvent> events, String transport) {
        int accepted = 0;
        int duplicates = 0;
        try {
            for (InboundEvent event : events) {
                if (acceptWithRetry(event, transport)) {
                    accepted++;
                } else {
                    duplicates++;
                }
            }
        } catch (RuntimeException e) {
            if (accepted + duplicates > 0) {
                throw new PartiallyAcceptedException(accepted, duplicates, e);
            }
            throw e;
        } finally {
            metrics.accepted(transport, accepted);
            metrics.duplicates(transport, duplicates);
        }
        return new IngestionResult(accepted, duplicates);
    }

    /**
     * A concurrent writer of the same aggregate may win the race for its next sequence number, or to store its first
     * event (an account an agency's fact creates while contract-service's registration attaches it): try again.
     */
    private boolean acceptWithRetry(InboundEvent event, String transport) {
        for (int attempt = 1; ; attempt++) {
            try {
                return Boolean.TRUE.equals(transaction.execute(status -> acceptOne(event, transport)));
            } catch (org.axonframework.modelling.command.ConcurrencyException
                    | org.axonframework.modelling.command.AggregateStreamCreationException
                    | org.springframework.dao.DuplicateKeyException e) {
                if (attempt == MAX_ATTEMPTS) {
                    throw e;
                }
                log.info(
                        "concurrent write on the aggregate of {}: attempt {} of {}", event.id(), attempt, MAX_ATTEMPTS);
            }
        }
    }

    private boolean acceptOne(InboundEvent event, String transport) {
        InboundEventHandler handler = handlersByType.get(event.type());
        MDC.put("ceId", event.id());
        try {
            String contractId = event.text("contractId");
            if (contractId != null) {
                MDC.put("contractId", contractId);
            }
            if (!processed.record(event, transport)) {
                log.info("duplicate {} {} from {} ignored", event.type(), event.id(), event.source());
                return false;
            }
            if (handler.ownership(event) == Ownership.FOREIGN) {
                throw new ForbiddenEventException(
                        event.id(),
                        "event " + event.id() + " is about a contract that agency " + event.agencyId()
                                + " does not own");
            }
            handler.handle(event);
            log.info("accepted {} {} from {} over {}", event.type(), event.id(), event.source(), transport);
            return true;
        } finally {
            MDC.remove("ceId");
            MDC.remove("contractId");
        }
    }
}
