package io.leverwatch.compliance;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * compliance-service on its own. Its settings are in {@code compliance-service.properties}, named so that the four
 * services can share one classpath in the embedded platform.
 */
@SpringBootApplication
public class ComplianceServiceApplication {

    public static final String CONFIG_NAME = "compliance-service";

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(ComplianceServiceApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
