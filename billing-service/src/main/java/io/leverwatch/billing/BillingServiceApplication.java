package io.leverwatch.billing;

import io.leverwatch.kit.contracts.ContractEventsConsumption;
import io.leverwatch.kit.gate.PublicationHolding;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Import;

/**
 * billing-service on its own. Its settings are in {@code billing-service.properties}, named so that the four
 * services can share one classpath in the embedded platform. It learns contracts from contract-service's
 * events and holds an invoice's events until their contract is known, both with the kit.
 */
@SpringBootApplication
@Import({ContractEventsConsumption.class, PublicationHolding.class})
public class BillingServiceApplication {

    public static final String CONFIG_NAME = "billing-service";

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(BillingServiceApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
