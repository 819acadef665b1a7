package io.leverwatch.kit.ingest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accepts validated events: all of a delivery or none of it. In one transaction, each event is recorded
 * for de-duplication, its ownership is checked and it becomes a command; a redelivered event counts as a
 * duplicate and changes nothing.
 */
public class IngestionPipeline {

    private static final Logger log = LoggerFactory.getLogger(IngestionPipeline.class);

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
        IngestionResult result = transaction.execute(status -> {
            int accepted = 0;
            int duplicates = 0;
            for (InboundEvent event : events) {
                if (acceptOne(event, transport)) {
                    accepted++;
                } else {
                    duplicates++;
                }
            }
            return new IngestionResult(accepted, duplicates);
        });
        metrics.accepted(transport, result.accepted());
        metrics.duplicates(transport, result.duplicates());
        return result;
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
