package io.leverwatch.access;

import io.leverwatch.kit.contracts.ContractEventsConsumption;
import io.leverwatch.kit.gate.PublicationHolding;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Import;

/**
 * access-service on its own. Its settings are in {@code access-service.properties}, named so that the four
 * services can share one classpath in the embedded platform. It learns contracts and accounts from
 * contract-service's events and holds an account's events until the account is attached, both with the kit.
 */
@SpringBootApplication
@Import({ContractEventsConsumption.class, PublicationHolding.class})
public class AccessServiceApplication {

    public static final String CONFIG_NAME = "access-service";

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(AccessServiceApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
