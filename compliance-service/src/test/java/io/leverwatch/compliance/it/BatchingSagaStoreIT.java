package io.leverwatch.compliance.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leverwatch.compliance.operator.deadletter.DeadLetteredSequences;
import io.leverwatch.compliance.saga.BatchingSagaStore;
import io.leverwatch.compliance.saga.SagaReads;
import io.leverwatch.compliance.saga.SagaWrites;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.modelling.saga.AssociationValuesImpl;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.jdbc.GenericSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.axonframework.modelling.saga.repository.jdbc.SagaSqlSchema;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The saga processor's batch read-ahead and batched writes ({@link BatchingSagaStore}) and its dead-lettered sequences
 * ({@link DeadLetteredSequences}) on the real database, through the application's own saga store, connections,
 * schema, serializer and transactions. The sagas are of a type of the test's own, so no processor ever sees them.
 *
 * <p>How a test shows that an answer came from what was read ahead and not from a query: after {@code readAhead}, it
 * changes the rows in another transaction, on another thread, and commits. On PostgreSQL (read committed) every
 * later statement of the unit of work's transaction sees that change, as the plain store's answer in the same unit of
 * work shows each time: so any query, on whatever connection, would now see it, and an answer as before can only be
 * what was read. Deleting the rows in the unit of work's own transaction would prove less: a query that ran outside
 * that transaction would still see them, and pass.
 */
class BatchingSagaStoreIT extends ComplianceIntegrationTest {

    private static final String CONTRACT = "contractId";
    private static final String ACCOUNT = "accountId";

    /** A saga as the store keeps any: serialised by the application's serializer. */
    record Ledger(String name, int revision) {}

    /** Another saga type, associated with the same values as a {@link Ledger}. */
    record OtherLedger(String name) {}

    @Autowired
    SagaStore<Object> plain;

    @Autowired
    ConnectionProvider connections;

    @Autowired
    SagaSqlSchema sagaSchema;

    @Autowired
    @Qualifier("serializer")
    Serializer serializer;

    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;

    @Autowired
    TransactionManager transactionManager;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    DeadLetterSchema deadLetterSchema;

    @Autowired
    JdbcTemplate jdbc;

    private final ExecutorService elsewhere = Executors.newSingleThreadExecutor();
    private BatchingSagaStore sagas;
    private String run;

    @BeforeEach
    void store() {
        assertThat(plain).isInstanceOf(JdbcSagaStore.class);
        sagas = new BatchingSagaStore(
                plain,
                new SagaReads(connections, (GenericSagaSqlSchema) sagaSchema, serializer),
                new SagaWrites(connections, (GenericSagaSqlSchema) sagaSchema, serializer));
        run = UUID.randomUUID().toString();
    }

    @AfterEach
    void stopElsewhere() {
        elsewhere.shutdownNow();
    }

    @Test
    void answersTheAnnouncedValuesAndLoadsTheSagasFoundFromWhatItReadAhead() throws Exception {
        Map<String, Ledger> ledgers = new LinkedHashMap<>();
        ledgers.put(id("a"), new Ledger("a", 1));
        ledgers.put(id("b"), new Ledger("b", 2));
        committed(() -> {
            insert(id("a"), ledgers.get(id("a")), contract("a"), account("a-1"), account("shared"));
            insert(id("b"), ledgers.get(id("b")), contract("b"), account("shared"), account("b-1"));
            insert(id("other"), new OtherLedger("other"), contract("a"), account("shared"));
        });
        List<AssociationValue> announced =
                List.of(contract("a"), contract("b"), contract("none"), account("shared"), account("none"));

        inUnitOfWork(() -> {
            Map<AssociationValue, Set<String>> found = new LinkedHashMap<>();
            announced.forEach(value -> found.put(value, plain.findSagas(Ledger.class, value)));
            Map<String, SagaStore.Entry<Ledger>> loaded = new LinkedHashMap<>();
            ledgers.keySet().forEach(sagaId -> loaded.put(sagaId, plain.loadSaga(Ledger.class, sagaId)));
            assertThat(found)
                    .containsEntry(contract("a"), Set.of(id("a")))
                    .containsEntry(contract("b"), Set.of(id("b")))
                    .containsEntry(contract("none"), Set.of())
                    .containsEntry(account("shared"), Set.of(id("a"), id("b")))
                    .containsEntry(account("none"), Set.of());
            assertThat(loaded.get(id("b")).associationValues())
                    .containsExactlyInAnyOrder(contract("b"), account("shared"), account("b-1"));

            sagas.readAhead(Ledger.class, announced);
            committed(() -> ledgers.keySet().forEach(this::deleteRows));
            announced.forEach(value -> assertThat(plain.findSagas(Ledger.class, value))
                    .as("now %s", value)
                    .isEmpty());
            ledgers.keySet()
                    .forEach(sagaId -> assertThat(plain.loadSaga(Ledger.class, sagaId))
                            .as("now %s", sagaId)
                            .isNull());

            announced.forEach(value -> assertThat(sagas.findSagas(Ledger.class, value))
                    .as("%s", value)
                    .isEqualTo(found.get(value)));
            assertSameEntry(sagas.loadSaga(Ledger.class, id("a")), loaded.get(id("a")));
            // As the saga manager loads a saga in an event's own unit of work, nested in the batch's.
            UnitOfWork<?> event = DefaultUnitOfWork.startAndGet(null);
            try {
                assertSameEntry(sagas.loadSaga(Ledger.class, id("b")), loaded.get(id("b")));
            } finally {
                event.commit();
            }
            // Taken once (Axon's repository keeps what it loaded): a second load is the store's.
            assertThat(sagas.loadSaga(Ledger.class, id("a"))).isNull();
            return null;
        });
    }

    /**
     * Before autovacuum's first analyze of the saga tables (a new installation, a table that grew fast) the planner
     * has no statistics to go by. A read must still probe only the rows of the values asked: written as
     * {@code column = any(?)}, it walked every row of the saga type and filtered each against the array. The rows a
     * statement reads are counted by PostgreSQL for the transaction it runs in ({@code pg_stat_xact_user_tables}).
     */
    @Test
    void aReadProbesOnlyTheRowsOfTheValuesAskedWhateverTheTablesStatistics() throws Exception {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            names.add("bulk-" + i);
        }
        List<String> ids = names.stream().map(this::id).toList();
        String type = serializer.typeForClass(Ledger.class).getName();
        byte[] saga = serializer.serialize(new Ledger("bulk", 0), byte[].class).getData();
        Map<AssociationValue, String> asked = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i += 60) {
            asked.put(contract(names.get(i)), id(names.get(i)));
        }
        SagaReads reads = new SagaReads(connections, (GenericSagaSqlSchema) sagaSchema, serializer);
        try {
            committed(() -> {
                jdbc.batchUpdate(
                        "insert into sagaentry (sagaid, revision, sagatype, serializedsaga) values (?, null, ?, ?)",
                        ids,
                        500,
                        (statement, id) -> {
                            statement.setString(1, id);
                            statement.setString(2, type);
                            statement.setBytes(3, saga);
                        });
                List<AssociationValue> associations = new ArrayList<>();
                names.forEach(name -> associations.addAll(List.of(contract(name), account(name))));
                jdbc.batchUpdate(
                        "insert into associationvalueentry (associationkey, associationvalue, sagatype, sagaid)"
                                + " values (?, ?, ?, ?)",
                        associations,
                        500,
                        (statement, value) -> {
                            String name =
                                    value.getValue().substring(value.getValue().indexOf('-') + 1);
                            statement.setString(1, value.getKey());
                            statement.setString(2, value.getValue());
                            statement.setString(3, type);
                            statement.setString(4, "saga-" + name);
                        });
            });
            forgetStatistics();

            long[] rowsRead = new long[1];
            SagaReads.Sagas read = new TransactionTemplate(transactions).execute(status -> {
                long before = rowsReadInThisTransaction();
                SagaReads.Sagas sagasRead = reads.read(Ledger.class, asked.keySet());
                rowsRead[0] = rowsReadInThisTransaction() - before;
                return sagasRead;
            });

            asked.forEach((value, sagaId) ->
                    assertThat(read.sagasOf(value)).as("%s", value).containsExactly(sagaId));
            // Per value: its association, then both of its saga's, then the saga: 4 rows; 3,000 sagas are stored.
            assertThat(rowsRead[0]).isLessThanOrEqualTo(4L * asked.size());
        } finally {
            committed(() -> {
                jdbc.update(
                        "delete from associationvalueentry where sagaid = any(?)", (Object) ids.toArray(String[]::new));
                jdbc.update("delete from sagaentry where sagaid = any(?)", (Object) ids.toArray(String[]::new));
                jdbc.execute("alter table associationvalueentry reset (autovacuum_enabled)");
                jdbc.execute("alter table sagaentry reset (autovacuum_enabled)");
                jdbc.execute("analyze associationvalueentry, sagaentry");
            });
        }
    }

    @Test
    void whatWasNotReadAheadIsAnsweredByTheStore() throws Exception {
        Set<AssociationValue> held = Set.of(contract("a"), account("a-1"));
        committed(() -> plain.insertSaga(Ledger.class, id("a"), new Ledger("a", 1), held));

        inUnitOfWork(() -> {
            sagas.readAhead(Ledger.class, List.of(contract("a")));
            committed(() -> {
                plain.updateSaga(Ledger.class, id("a"), new Ledger("a", 2), new AssociationValuesImpl(held));
                insert(id("late"), new Ledger("late", 1), contract("a"), account("late"));
                insert(id("other"), new OtherLedger("other"), contract("a"));
            });
            assertThat(plain.findSagas(Ledger.class, contract("a"))).containsExactlyInAnyOrder(id("a"), id("late"));
            assertThat(plain.loadSaga(Ledger.class, id("a")).saga()).isEqualTo(new Ledger("a", 2));

            // Outside any unit of work (another thread), a read ahead does nothing and the store answers.
            assertThat(elsewhere(() -> {
                        sagas.readAhead(Ledger.class, List.of(contract("a")));
                        return sagas.findSagas(Ledger.class, contract("a"));
                    }))
                    .containsExactlyInAnyOrder(id("a"), id("late"));
            assertThat(elsewhere(() -> sagas.loadSaga(Ledger.class, id("a")).saga()))
                    .isEqualTo(new Ledger("a", 2));

            // Announced: what was read.
            assertThat(sagas.findSagas(Ledger.class, contract("a"))).containsExactly(id("a"));
            assertThat(sagas.loadSaga(Ledger.class, id("a")).saga()).isEqualTo(new Ledger("a", 1));
            // Not announced, or another saga type: the database as it is now.
            assertThat(sagas.findSagas(Ledger.class, account("late"))).containsExactly(id("late"));
            assertThat(sagas.loadSaga(Ledger.class, id("late")).saga()).isEqualTo(new Ledger("late", 1));
            assertThat(sagas.findSagas(OtherLedger.class, contract("a"))).containsExactly(id("other"));
            assertThat(sagas.loadSaga(OtherLedger.class, id("other")).saga()).isEqualTo(new OtherLedger("other"));
            return null;
        });
    }

    @Test
    void whatWasReadIsForgottenWithItsUnitOfWork() throws Exception {
        committed(() -> insert(id("a"), new Ledger("a", 1), contract("a")));
        inUnitOfWork(() -> {
            sagas.readAhead(Ledger.class, List.of(contract("a")));
            committed(() -> deleteRows(id("a")));
            assertThat(sagas.findSagas(Ledger.class, contract("a"))).containsExactly(id("a"));
            return null;
        });

        inUnitOfWork(() -> {
            assertThat(sagas.findSagas(Ledger.class, contract("a"))).isEmpty();
            assertThat(sagas.loadSaga(Ledger.class, id("a"))).isNull();
            return null;
        });
    }

    @Test
    void aBatchsSagasAreWrittenTogetherJustBeforeItsTransactionCommits() throws Exception {
        committed(() -> insert(id("a"), new Ledger("a", 1), contract("a"), account("a-1")));
        AssociationValuesImpl changed = new AssociationValuesImpl(Set.of(contract("a"), account("a-1")));
        changed.remove(account("a-1"));
        changed.add(account("a-2"));

        inBatch(2, batch -> {
            if (batch.isFirstMessage()) {
                // As Axon's saga repository stores a batch's sagas: in the prepare-commit phase of the event that
                // loaded or created each, and then forgets their association changes.
                batch.onPrepareCommit(u -> {
                    sagas.updateSaga(Ledger.class, id("a"), new Ledger("a", 2), changed);
                    changed.commit();
                    sagas.insertSaga(Ledger.class, id("new"), new Ledger("new", 1), Set.of(contract("new")));
                    assertThat(plain.loadSaga(Ledger.class, id("a")).saga()).isEqualTo(new Ledger("a", 1));
                });
            } else {
                // The last event's sagas are stored after the first's: still nothing written, in this transaction.
                batch.onPrepareCommit(u -> {
                    assertThat(plain.loadSaga(Ledger.class, id("a")).saga()).isEqualTo(new Ledger("a", 1));
                    assertThat(plain.loadSaga(Ledger.class, id("new"))).isNull();
                });
            }
        });

        SagaStore.Entry<Ledger> updated = elsewhere(() -> plain.loadSaga(Ledger.class, id("a")));
        assertThat(updated.saga()).isEqualTo(new Ledger("a", 2));
        assertThat(updated.associationValues()).containsExactlyInAnyOrder(contract("a"), account("a-2"));
        SagaStore.Entry<Ledger> inserted = elsewhere(() -> plain.loadSaga(Ledger.class, id("new")));
        assertThat(inserted.saga()).isEqualTo(new Ledger("new", 1));
        assertThat(inserted.associationValues()).containsExactly(contract("new"));
        assertThat(elsewhere(() -> plain.findSagas(Ledger.class, account("a-1"))))
                .isEmpty();
    }

    @Test
    void aBatchWhoseSagasCannotBeWrittenFailsAndLeavesNothing() throws Exception {
        committed(() -> {
            insert(id("a"), new Ledger("a", 1), contract("a"));
            insert(id("taken"), new Ledger("taken", 1), contract("taken"));
        });

        assertThatThrownBy(() -> inBatch(
                        1,
                        batch -> batch.onPrepareCommit(u -> {
                            sagas.updateSaga(
                                    Ledger.class,
                                    id("a"),
                                    new Ledger("a", 2),
                                    new AssociationValuesImpl(Set.of(contract("a"))));
                            // Its id is taken: the flush fails, at commit.
                            sagas.insertSaga(
                                    Ledger.class, id("taken"), new Ledger("taken", 2), Set.of(contract("again")));
                        })))
                .hasRootCauseInstanceOf(PSQLException.class)
                .hasStackTraceContaining("could not write the batch's sagas");

        assertThat(elsewhere(() -> plain.loadSaga(Ledger.class, id("a")).saga()))
                .isEqualTo(new Ledger("a", 1));
        assertThat(elsewhere(() -> plain.loadSaga(Ledger.class, id("taken")).saga()))
                .isEqualTo(new Ledger("taken", 1));
        assertThat(elsewhere(() -> plain.findSagas(Ledger.class, contract("again"))))
                .isEmpty();
    }

    @Test
    void writesOutsideTheBatchsOwnCommitGoToTheStoreAtOnce() throws Exception {
        committed(() -> insert(id("a"), new Ledger("a", 1), contract("a")));
        AssociationValuesImpl held = new AssociationValuesImpl(Set.of(contract("a")));

        inBatch(1, batch -> {
            // While the batch handles its events.
            sagas.updateSaga(Ledger.class, id("a"), new Ledger("a", 2), held);
            assertThat(plain.loadSaga(Ledger.class, id("a")).saga()).isEqualTo(new Ledger("a", 2));
            // In an event's unit of work nested in the batch's, as a batch retried event by event stores its sagas.
            UnitOfWork<?> event = DefaultUnitOfWork.startAndGet(null);
            event.onPrepareCommit(u -> {
                sagas.updateSaga(Ledger.class, id("a"), new Ledger("a", 3), held);
                sagas.insertSaga(Ledger.class, id("nested"), new Ledger("nested", 1), Set.of(contract("nested")));
            });
            event.commit();
            assertThat(plain.loadSaga(Ledger.class, id("a")).saga()).isEqualTo(new Ledger("a", 3));
            assertThat(plain.loadSaga(Ledger.class, id("nested")).saga()).isEqualTo(new Ledger("nested", 1));
        });
        // And outside any unit of work (the replay).
        committed(() -> sagas.updateSaga(Ledger.class, id("a"), new Ledger("a", 4), held));
        assertThat(elsewhere(() -> plain.loadSaga(Ledger.class, id("a")).saga()))
                .isEqualTo(new Ledger("a", 4));
    }

    @Test
    void theDeadLetteredSequencesAreTheDistinctOnesOfTheGroupAsAxonsQueueStoresThem() {
        String group = "batch-read-it-" + run;
        String otherGroup = "batch-read-it-other-" + run;
        JdbcSequencedDeadLetterQueue<EventMessage<?>> queue = queue(group);
        JdbcSequencedDeadLetterQueue<EventMessage<?>> otherQueue = queue(otherGroup);
        String contract = "c-" + run;
        // Not a string: Axon's queue stores it by its hash code.
        UUID aggregate = UUID.randomUUID();

        // Rolled back at the end: nothing is left in the queue, and the sequences read are the transaction's own.
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            enqueue(queue, contract);
            enqueue(queue, contract);
            enqueue(queue, aggregate);
            enqueue(otherQueue, "c-other-" + run);

            Set<String> sequences = new DeadLetteredSequences(jdbc, deadLetterSchema, group).get();

            assertThat(sequences)
                    .containsExactlyInAnyOrder(
                            DeadLetteredSequences.key(contract), DeadLetteredSequences.key(aggregate));
            assertThat(DeadLetteredSequences.key(contract)).isEqualTo(contract);
            assertThat(DeadLetteredSequences.key(aggregate)).isEqualTo(Integer.toString(aggregate.hashCode()));
            assertThat(queue.contains(aggregate)).isTrue();
            assertThat(new DeadLetteredSequences(jdbc, deadLetterSchema, otherGroup).get())
                    .containsExactly("c-other-" + run);
            sequences.add("lettered by the batch");
            status.setRollbackOnly();
        });
    }

    private String id(String name) {
        return "saga-" + name + "-" + run;
    }

    private AssociationValue contract(String name) {
        return new AssociationValue(CONTRACT, "c-" + name + "-" + run);
    }

    private AssociationValue account(String name) {
        return new AssociationValue(ACCOUNT, "acc-" + name + "-" + run);
    }

    // As before autovacuum's first analyze: no column statistics, and none gathered until the test is done.
    private void forgetStatistics() throws Exception {
        committed(() -> {
            jdbc.execute("alter table associationvalueentry set (autovacuum_enabled = false)");
            jdbc.execute("alter table sagaentry set (autovacuum_enabled = false)");
            jdbc.update("delete from pg_statistic where starelid in ('associationvalueentry'::regclass,"
                    + " 'sagaentry'::regclass)");
        });
    }

    // The rows the current transaction's statements have read from the saga tables, by any scan.
    private long rowsReadInThisTransaction() {
        return jdbc.queryForObject(
                "select coalesce(sum(seq_tup_read), 0) + coalesce(sum(idx_tup_fetch), 0) from pg_stat_xact_user_tables"
                        + " where relid in ('associationvalueentry'::regclass, 'sagaentry'::regclass)",
                Long.class);
    }

    private void insert(String sagaId, Object saga, AssociationValue... associations) {
        plain.insertSaga(saga.getClass(), sagaId, saga, Set.of(associations));
    }

    private void deleteRows(String sagaId) {
        jdbc.update("delete from associationvalueentry where sagaid = ?", sagaId);
        jdbc.update("delete from sagaentry where sagaid = ?", sagaId);
    }

    private static void assertSameEntry(SagaStore.Entry<Ledger> actual, SagaStore.Entry<Ledger> expected) {
        assertThat(actual).isNotNull();
        assertThat(actual.saga()).isEqualTo(expected.saga());
        assertThat(actual.associationValues()).isEqualTo(expected.associationValues());
    }

    /** The work in a unit of work with the application's transaction attached, as a processor's batch runs. */
    private void inUnitOfWork(Callable<Void> work) throws Exception {
        UnitOfWork<?> unitOfWork = new DefaultUnitOfWork<>(null);
        unitOfWork.attachTransaction(transactionManager);
        ResultMessage<Void> result = unitOfWork.executeWithResult(work);
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            if (failure instanceof Error error) {
                throw error;
            }
            throw (Exception) failure;
        }
    }

    /**
     * A processor's batch of so many events: one batching unit of work, the application's transaction attached, the
     * work run once for each event.
     */
    private void inBatch(int events, Consumer<BatchingUnitOfWork<EventMessage<?>>> work) throws Exception {
        List<EventMessage<?>> messages = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            messages.add(new GenericEventMessage<>("event " + i));
        }
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(messages);
        batch.attachTransaction(transactionManager);
        ResultMessage<Void> result = batch.executeWithResult(() -> {
            work.accept(batch);
            return null;
        });
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            if (failure instanceof Error error) {
                throw error;
            }
            throw (Exception) failure;
        }
    }

    /** The work in a transaction of its own, committed, on a thread outside the caller's unit of work. */
    private void committed(Runnable work) throws Exception {
        elsewhere(() -> {
            new TransactionTemplate(transactions).executeWithoutResult(status -> work.run());
            return null;
        });
    }

    private <R> R elsewhere(Supplier<R> work) throws Exception {
        return elsewhere.submit(work::get).get();
    }

    private void enqueue(JdbcSequencedDeadLetterQueue<EventMessage<?>> queue, Object sequence) {
        queue.enqueue(sequence, new GenericDeadLetter<>(sequence, new GenericEventMessage<>("letter")));
    }

    // As the application builds its groups' queues.
    private JdbcSequencedDeadLetterQueue<EventMessage<?>> queue(String group) {
        return JdbcSequencedDeadLetterQueue.<EventMessage<?>>builder()
                .processingGroup(group)
                .connectionProvider(connections)
                .transactionManager(transactionManager)
                .schema(deadLetterSchema)
                .genericSerializer(serializer)
                .eventSerializer(eventSerializer)
                .build();
    }
}
