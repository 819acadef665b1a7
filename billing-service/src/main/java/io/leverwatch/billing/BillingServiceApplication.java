package io.leverwatch.billing;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * billing-service on its own. Its settings are in {@code billing-service.properties}, named so that the four
 * services can share one classpath in the embedded platform.
 */
@SpringBootApplication
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
