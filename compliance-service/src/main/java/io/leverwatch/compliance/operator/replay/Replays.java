package io.leverwatch.compliance.operator.replay;

import io.leverwatch.compliance.alert.AccessLeverageSaga;
import io.leverwatch.compliance.alert.AlertRaised;
import io.leverwatch.compliance.operator.history.ContractHistory;
import io.leverwatch.compliance.operator.history.ContractHistory.ContractEvents;
import io.leverwatch.compliance.operator.history.UnknownContractException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Replays compliance from the inbox event store, for every contract or one: the AccessLeverage saga's state and the
 * alert read model are rebuilt, one replay at a time, on a thread of their own.
 *
 * <ol>
 *   <li>SAGA: the saga's processor is paused (new events wait in the store, nothing is lost), and each contract is
 *       replayed from its inbox events ({@link ContractReplay}), in slices of contracts on one thread a core:
 *       decided at once on every fact, compared with its
 *       saga, and only where they differ are the Alert aggregates brought in line, with idempotent commands, and the
 *       saga rewritten. Then the processor resumes; the events it finds that the replay already counted are known
 *       facts to the saga, and change nothing.
 *   <li>READ_MODEL: the alert view is rebuilt from the Alert aggregates' events in a shadow and swapped in where it
 *       differs ({@link AlertViewRebuild}); only alerts that changed are announced on the live stream.
 * </ol>
 *
 * A replay of every contract starts the alert view's rebuild with the SAGA phase, on a thread of its own, rather than
 * after it: the rebuild reads only the Alert aggregates' events, which the saga phase changes only where it sends a
 * command, and it has the machine's idle moments meanwhile (the pause of the saga's processor, waits on the
 * database). The alerts of the contracts the saga phase sent commands about are rebuilt once more after it, so that,
 * as before, every alert the replay touched is rebuilt from the store after it was touched; READ_MODEL is then what
 * is left of the rebuild once the sagas are done.
 *
 * Throughout, the dashboard reads the last good view. Alert ids derive from the facts, so a replay gives the same
 * alerts. In a deployment of several instances, only this instance's segments of the saga are paused.
 */
@Component
public class Replays implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Replays.class);
    private static final int MAX_THREADS = 4;

    private final ContractHistory history;
    private final ContractReplay contracts;
    private final SagaStates sagas;
    private final AlertViewRebuild readModel;
    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final int contractsPerRead;
    private final int threads;
    private final AtomicReference<ReplayProgress> current = new AtomicReference<>();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "replay");
        thread.setDaemon(true);
        return thread;
    });
    private final ExecutorService alertView = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "replay-alert-view");
        thread.setDaemon(true);
        return thread;
    });

    Replays(
            ContractHistory history,
            ContractReplay contracts,
            SagaStates sagas,
            AlertViewRebuild readModel,
            EventProcessingConfiguration processing,
            JdbcTemplate jdbc,
            Clock clock,
            @Value("${leverwatch.compliance.replay.contracts-per-read:200}") int contractsPerRead,
            @Value("${leverwatch.compliance.replay.threads:0}") int threads) {
        this.history = history;
        this.contracts = contracts;
        this.sagas = sagas;
        this.readModel = readModel;
        this.processing = processing;
        this.jdbc = jdbc;
        this.clock = clock;
        if (contractsPerRead < 1) {
            throw new IllegalArgumentException(
                    "leverwatch.compliance.replay.contracts-per-read must be at least 1, not " + contractsPerRead);
        }
        this.contractsPerRead = contractsPerRead;
        if (threads < 0) {
            throw new IllegalArgumentException("leverwatch.compliance.replay.threads must be 0 (one a core, at most "
                    + MAX_THREADS + ") or more, not " + threads);
        }
        this.threads = threads > 0
                ? threads
                : Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Starts a replay of every contract, or of the one given.
     *
     * @throws ReplayAlreadyRunningException if one is running
     * @throws UnknownContractException if the contract has no event in the inbox
     */
    public synchronized ReplayStatus start(String contractId) {
        ReplayProgress running = current.get();
        if (running != null && running.status().running()) {
            throw new ReplayAlreadyRunningException(running.status());
        }
        long events = history.count(contractId);
        if (contractId != null && events == 0) {
            throw new UnknownContractException(contractId);
        }
        ReplayProgress progress = new ReplayProgress(contractId, clock);
        progress.eventsTotal.set(events);
        current.set(progress);
        runner.execute(() -> run(progress));
        return progress.status();
    }

    /** The running or last replay; IDLE before the first. */
    public ReplayStatus status() {
        ReplayProgress progress = current.get();
        return progress == null
                ? new ReplayStatus("IDLE", null, null, null, 0, 0, 0, 0, null, 0, 0, 0, null, null, null, null, null)
                : progress.status();
    }

    private void run(ReplayProgress progress) {
        log.info("replay of {} started", progress.contractId == null ? "every contract" : progress.contractId);
        try {
            AlertViewRebuild.Result result =
                    progress.contractId == null ? replayEveryContract(progress) : replayOneContract(progress);
            progress.alertViewsChanged.set(result.viewsChanged().size());
            progress.alertHistoriesChanged.set(result.historiesChanged().size());
            if (progress.contractsFailed.get() > 0) {
                progress.failed(progress.status().error());
            } else {
                progress.completed();
            }
            log.info("replay finished: {}", progress.status());
        } catch (RuntimeException e) {
            log.error("replay failed", e);
            progress.failed(e.toString());
        }
    }

    /** The sagas, with the whole alert view rebuilt meanwhile (above); then the alerts the sagas' commands touched. */
    private AlertViewRebuild.Result replayEveryContract(ReplayProgress progress) {
        Future<AlertViewRebuild.Result> everyAlert = alertView.submit(() -> readModel.rebuild(null, progress));
        Set<String> commanded = ConcurrentHashMap.newKeySet();
        try {
            whileTheSagaIsPaused(() -> replayAll(history.contractIds(), commanded, progress));
        } catch (RuntimeException e) {
            // Waited for all the same: no rebuild of a failed replay may still run when the next one starts.
            awaitQuietly(everyAlert);
            throw e;
        }
        progress.readModelPhase();
        AlertViewRebuild.Result result = await(everyAlert);
        return commanded.isEmpty() ? result : result.and(readModel.rebuild(commanded, progress));
    }

    private AlertViewRebuild.Result replayOneContract(ReplayProgress progress) {
        String contractId = progress.contractId;
        Set<String> alertIds = new LinkedHashSet<>();
        whileTheSagaIsPaused(() -> {
            ContractReplay.Outcome outcome = replay(
                    new ContractEvents(contractId, history.events(contractId)), sagas.load(contractId), progress);
            if (outcome != null) {
                alertIds.addAll(outcome.alertIds());
            }
        });
        alertIds.addAll(knownAlertsOf(contractId));
        progress.readModelPhase();
        return readModel.rebuild(alertIds, progress);
    }

    private void whileTheSagaIsPaused(Runnable replay) {
        Optional<EventProcessor> saga = processing.eventProcessorByProcessingGroup(AccessLeverageSaga.PROCESSING_GROUP);
        boolean paused = saga.filter(EventProcessor::isRunning).isPresent();
        if (paused) {
            saga.get().shutDown();
        }
        try {
            replay.run();
        } finally {
            if (paused) {
                saga.get().start();
            }
        }
    }

    private static AlertViewRebuild.Result await(Future<AlertViewRebuild.Result> rebuild) {
        try {
            return rebuild.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure
                    ? failure
                    : new IllegalStateException("alert view rebuild failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("replay interrupted", e);
        }
    }

    private static void awaitQuietly(Future<?> rebuild) {
        try {
            rebuild.get();
        } catch (ExecutionException e) {
            log.warn("alert view rebuild of a failed replay failed too", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Every contract, in slices of so many contracts read at once, on as many threads as configured (by default as
     * the machine has cores, at most {@link #MAX_THREADS}): contracts are independent (each its own saga and alerts),
     * and while the saga's processor is paused the replay has the machine to itself. Each thread takes the next
     * slice, so at most one slice a thread is in memory.
     */
    private void replayAll(List<String> ids, Set<String> commanded, ReplayProgress progress) {
        int slices = (ids.size() + contractsPerRead - 1) / contractsPerRead;
        int threads = Math.max(1, Math.min(this.threads, slices));
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int slice = next.getAndIncrement(); slice < slices; slice = next.getAndIncrement()) {
                List<String> contractIds =
                        ids.subList(slice * contractsPerRead, Math.min(ids.size(), (slice + 1) * contractsPerRead));
                Map<String, Optional<SagaStates.Stored>> stored = sagas.load(contractIds);
                history.eventsOfContracts(contractIds.get(0), contractIds.get(contractIds.size() - 1))
                        .forEach(events -> {
                            ContractReplay.Outcome outcome = replay(
                                    events, stored.getOrDefault(events.contractId(), Optional.empty()), progress);
                            if (outcome != null && outcome.commandsSent() > 0) {
                                commanded.addAll(outcome.alertIds());
                            }
                        });
            }
        };
        if (threads == 1) {
            worker.run();
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread thread = new Thread(r, "replay-slices");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                workers.add(pool.submit(worker));
            }
            for (Future<?> running : workers) {
                try {
                    running.get();
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException failure
                            ? failure
                            : new IllegalStateException(e.getCause());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("replay interrupted", e);
        } finally {
            // After a failure the others stop after their slice, and are waited for: none may still write a saga
            // once the saga's processor resumes.
            next.set(slices);
            pool.shutdown();
            awaitSlices(pool);
        }
    }

    private static void awaitSlices(ExecutorService pool) {
        try {
            if (!pool.awaitTermination(5, TimeUnit.MINUTES)) {
                log.warn("replay threads still running after 5 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return what replaying the contract did; null if it failed (counted in the progress, with the cause) */
    private ContractReplay.Outcome replay(
            ContractEvents events, Optional<SagaStates.Stored> saga, ReplayProgress progress) {
        try {
            ContractReplay.Outcome outcome = contracts.replay(events, saga);
            switch (outcome.saga()) {
                case REWRITTEN -> progress.sagasRewritten.incrementAndGet();
                case CREATED -> progress.sagasCreated.incrementAndGet();
                case UNCHANGED -> {}
            }
            progress.alertCommands.addAndGet(outcome.commandsSent());
            return outcome;
        } catch (RuntimeException e) {
            log.warn("replay of contract {} failed", events.contractId(), e);
            progress.contractFailed("contract " + events.contractId() + ": " + e);
            return null;
        } finally {
            progress.eventsDone.addAndGet(events.events().size());
            progress.contractsDone.incrementAndGet();
        }
    }

    // Every alert ever raised on the contract, retracted ones too: from the read model, and from the store itself
    // (the raise names its contract), so that a row missing from the read model is rebuilt as well.
    private Set<String> knownAlertsOf(String contractId) {
        Set<String> ids = new LinkedHashSet<>(
                jdbc.queryForList("select alert_id from alert_view where contract_id = ?", String.class, contractId));
        try {
            ids.addAll(jdbc.queryForList(
                    "select distinct aggregateidentifier from domainevententry where "
                            + AlertViewRebuild.ALERT_EVENTS + " and payloadtype = ?"
                            + " and convert_from(payload, 'UTF8')::jsonb -> 'decision' ->> 'contractId' = ?",
                    String.class,
                    AlertRaised.class.getName(),
                    contractId));
        } catch (DataAccessException e) {
            log.warn("could not look the alerts of {} up in the store: {}", contractId, e.getMessage());
        }
        return ids;
    }

    @Override
    public void destroy() {
        runner.shutdownNow();
        alertView.shutdownNow();
    }
}
