package io.leverwatch.platform.faults;

import java.time.Duration;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's token store as its auto-configuration builds it, but claiming segments under {@code faults.node-id}. Axon
 * names the owner of a claim after the JVM ({@code pid@host}), which two instances of a service in separate JVMs,
 * as in production, never share, but two in one test JVM do: each would take the other's claims for its own.
 */
@Configuration(proxyBeanMethods = false)
public class NamedTokenOwner {

    @Bean
    TokenStore tokenStore(
            ConnectionProvider connections,
            @Qualifier("serializer") Serializer serializer,
            @Value("${axon.eventhandling.tokenstore.claim-timeout:10s}") Duration claimTimeout,
            @Value("${faults.node-id}") String nodeId) {
        return JdbcTokenStore.builder()
                .connectionProvider(connections)
                .schema(TokenSchema.builder().build())
                .serializer(serializer)
                .claimTimeout(claimTimeout)
                .nodeId(nodeId)
                .build();
    }
}
