package io.leverwatch.access;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * access-service on its own. Its settings are in {@code access-service.properties}, named so that the four
 * services can share one classpath in the embedded platform.
 */
@SpringBootApplication
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
