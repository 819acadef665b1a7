package io.leverwatch.kit;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** The services' event stores tell a unique-key violation in PostgreSQL from a storage failure. */
@AutoConfiguration(before = JdbcAutoConfiguration.class)
public class EventStoreAutoConfiguration {

    /** Before Axon's own, which backs off when this bean exists. */
    @Bean
    @ConditionalOnMissingBean(PersistenceExceptionResolver.class)
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new PostgresDuplicateKeys();
    }
}
