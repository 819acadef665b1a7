package io.leverwatch.billing.deadlines;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import io.leverwatch.kit.publish.MetaDataKeys;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManagerSpanFactory;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * Axon's deadline manager backed by db-scheduler on PostgreSQL (table {@code scheduled_tasks} in the
 * service's schema), so the deadline that marks an invoice overdue survives a restart and fires on exactly
 * one instance. Axon's db-scheduler auto-configuration sees the {@link Scheduler} bean and contributes the
 * deadline task it runs.
 */
@Configuration(proxyBeanMethods = false)
class OverdueDeadlinesConfiguration {

    /**
     * The scheduler joins Spring's transactions, so a deadline is stored with the command that schedules it
     * or not at all. It reads time from the service's {@link Clock}, the same clock the invoice compares its
     * due date with.
     */
    @Bean
    Scheduler deadlineScheduler(
            DataSource dataSource,
            List<Task<?>> tasks,
            Clock clock,
            @Value("${leverwatch.deadlines.polling-interval:5s}") Duration pollingInterval) {
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), tasks)
                .tableName("scheduled_tasks")
                .clock(clock::instant)
                .pollingInterval(pollingInterval)
                .shutdownMaxWait(Duration.ofSeconds(10))
                .build();
    }

    @Bean
    DbSchedulerDeadlineManager deadlineManager(
            Scheduler deadlineScheduler,
            org.axonframework.config.Configuration configuration,
            @Qualifier("eventSerializer") Serializer serializer,
            TransactionManager transactionManager,
            DeadlineManagerSpanFactory spanFactory) {
        DbSchedulerDeadlineManager manager = DbSchedulerDeadlineManager.builder()
                .scheduler(deadlineScheduler)
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(configuration))
                .serializer(serializer)
                .transactionManager(transactionManager)
                .spanFactory(spanFactory)
                // Started after everything else and stopped first, by DeadlineSchedulerLifecycle.
                .startScheduler(false)
                .stopScheduler(false)
                .build();
        // A deadline carries the agency of the command that scheduled it; passing it on to the events the
        // deadline causes lets the publication gate check their ownership like any other event's.
        manager.registerHandlerInterceptor((unitOfWork, chain) -> {
            unitOfWork.registerCorrelationDataProvider(new SimpleCorrelationDataProvider(MetaDataKeys.AGENCY_ID));
            return chain.proceed();
        });
        return manager;
    }

    @Bean
    DeadlineSchedulerLifecycle deadlineSchedulerLifecycle(Scheduler deadlineScheduler) {
        return new DeadlineSchedulerLifecycle(deadlineScheduler);
    }
}
