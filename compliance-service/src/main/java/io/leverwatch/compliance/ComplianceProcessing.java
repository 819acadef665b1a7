package io.leverwatch.compliance;

import io.leverwatch.compliance.alert.AccessLeverageSaga;
import io.leverwatch.compliance.inbox.ContractSequencingPolicy;
import io.leverwatch.compliance.query.AlertProjection;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the processors on the inbox run (their mode, threads and segments are in {@code compliance-service.properties}).
 *
 * <p>Both stop and retry on a failure instead of logging and skipping the event: a skipped event would be a fact the
 * saga never saw, or an alert change the dashboard never shows. The inbox keeps unreadable events out of the store,
 * so what is retried is a failure of ours (the database), which passes.
 */
@Configuration(proxyBeanMethods = false)
class ComplianceProcessing {

    @Bean
    ConfigurerModule complianceProcessors() {
        return configurer -> configurer
                .eventProcessing()
                .registerSequencingPolicy(AccessLeverageSaga.PROCESSING_GROUP, c -> new ContractSequencingPolicy())
                .registerListenerInvocationErrorHandler(
                        AccessLeverageSaga.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance())
                .registerListenerInvocationErrorHandler(
                        AlertProjection.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance());
    }
}
