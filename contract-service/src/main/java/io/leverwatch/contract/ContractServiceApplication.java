package io.leverwatch.contract;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * contract-service on its own. Its settings are in {@code contract-service.properties}, named so that the four
 * services can share one classpath in the embedded platform.
 */
@SpringBootApplication
public class ContractServiceApplication {

    public static final String CONFIG_NAME = "contract-service";

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(ContractServiceApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
