package io.leverwatch.kit.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.leverwatch.kit.PostgresDuplicateKeys;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/** An event whose aggregate another writer created first is tried again, not refused with a 500. */
class IngestionPipelineTest {

    private static final String TYPE = "leverwatch.access.credentials-changed";

    private final AtomicInteger attempts = new AtomicInteger();

    @Test
    void anEventThatLostTheRaceToCreateItsAggregateIsTriedAgainAndAccepted() {
        IngestionPipeline pipeline = pipeline(2);

        IngestionResult result = pipeline.accept(List.of(event()), "http");

        assertThat(result).isEqualTo(new IngestionResult(1, 0));
        assertThat(attempts).hasValue(2);
    }

    @Test
    void aRaceLostOnEveryAttemptIsThrownAfterTheLast() {
        IngestionPipeline pipeline = pipeline(Integer.MAX_VALUE);

        assertThatThrownBy(() -> pipeline.accept(List.of(event()), "http"))
                .isInstanceOf(AggregateStreamCreationException.class);
        assertThat(attempts).hasValue(5);
    }

    /** What the services' event stores are told of PostgreSQL's batch error, so that the race is told apart. */
    @Test
    void aUniqueKeyViolationInABatchIsADuplicateKeyAndOtherFailuresAreNot() {
        BatchUpdateException batch = new BatchUpdateException(
                "Batch entry 0 INSERT INTO DomainEventEntry was aborted", "23505", 0, new int[0]);
        batch.setNextException(new SQLException("duplicate key value violates unique constraint", "23505"));
        BatchUpdateException other = new BatchUpdateException("Batch entry 0 was aborted", "08006", 0, new int[0]);
        other.setNextException(new SQLException("connection lost", "08006"));

        PostgresDuplicateKeys resolver = new PostgresDuplicateKeys();
        assertThat(resolver.isDuplicateKeyViolation(new RuntimeException("wrapped", batch)))
                .isTrue();
        assertThat(resolver.isDuplicateKeyViolation(new RuntimeException("wrapped", other)))
                .isFalse();
    }

    /** A pipeline whose handler loses the race until its {@code succeedsAt}-th attempt. */
    private IngestionPipeline pipeline(int succeedsAt) {
        InboundEventHandler handler = new InboundEventHandler() {
            @Override
            public Set<String> types() {
                return Set.of(TYPE);
            }

            @Override
            public Ownership ownership(InboundEvent event) {
                return Ownership.OWNED;
            }

            @Override
            public void handle(InboundEvent event) {
                if (attempts.incrementAndGet() < succeedsAt) {
                    throw new AggregateStreamCreationException(
                            "Cannot reuse aggregate identifier [fb-1] to create aggregate [ManagedAccount]");
                }
            }
        };
        ProcessedEvents processed = new ProcessedEvents(null) {
            @Override
            public boolean record(InboundEvent event, String transport) {
                return true;
            }
        };
        return new IngestionPipeline(
                List.of(handler),
                processed,
                new TransactionTemplate(new NoTransactions()),
                new IngestMetrics(new SimpleMeterRegistry()));
    }

    private static InboundEvent event() {
        return new InboundEvent(
                "evt-1",
                "https://vault.agency.example",
                TYPE,
                Instant.parse("2026-03-10T08:00:00Z"),
                JsonNodeFactory.instance.objectNode().put("accountId", "fb-1"),
                "agency-pixel");
    }

    /** The transactions of a test without a database: begun, committed and rolled back as nothing. */
    private static final class NoTransactions implements PlatformTransactionManager {

        @Override
        public TransactionStatus getTransaction(TransactionDefinition definition) {
            return new SimpleTransactionStatus();
        }

        @Override
        public void commit(TransactionStatus status) {}

        @Override
        public void rollback(TransactionStatus status) {}
    }
}
