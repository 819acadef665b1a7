package io.leverwatch.compliance.operator.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts the index and the hash chain over an inbox that was filled before they existed (an upgraded installation):
 * once, at start, before the inbox consumes anything, while the chain is still empty. Afterwards every event is
 * chained as it is appended, and an inbox event that is not chained is reported by the integrity check, never
 * chained after the fact.
 */
@Component
class LedgerGenesis implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(LedgerGenesis.class);
    private static final int PAGE = 1_000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Serializer serializer;
    private final InboxChain chain;

    LedgerGenesis(
            JdbcTemplate jdbc,
            PlatformTransactionManager transactionManager,
            @Qualifier("eventSerializer") Serializer serializer) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.serializer = serializer;
        this.chain = new InboxChain(jdbc);
    }

    @Override
    public void afterPropertiesSet() {
        Long chained = transactions.execute(status -> {
            if (chain.lockHead() > 0) {
                return 0L;
            }
            long count = 0;
            long after = -1;
            List<StoredEvent> page;
            do {
                page = jdbc.query(
                        "select " + StoredEvent.COLUMNS + " from domainevententry where " + StoredEvent.IS_INBOX_EVENT
                                + " and globalindex > ? order by globalindex limit " + PAGE,
                        (rs, row) -> StoredEvent.of(rs),
                        after);
                for (StoredEvent event : page) {
                    chain.link(event);
                    index(event).insert(jdbc);
                    after = event.globalIndex();
                    count++;
                }
            } while (page.size() == PAGE);
            return count;
        });
        if (chained != null && chained > 0) {
            log.info("indexed and chained the {} events already in the inbox", chained);
        }
    }

    private IndexEntry index(StoredEvent event) {
        Object payload = serializer.deserialize(new SimpleSerializedObject<>(
                event.payload(), byte[].class, event.payloadType(), event.payloadRevision()));
        Map<String, ?> metaData = event.metaData() == null
                ? Map.of()
                : serializer.deserialize(
                        new SimpleSerializedObject<>(event.metaData(), byte[].class, MetaData.class.getName(), null));
        return IndexEntry.of(event.globalIndex(), event.eventId(), payload, metaData, Instant.parse(event.timestamp()));
    }
}
