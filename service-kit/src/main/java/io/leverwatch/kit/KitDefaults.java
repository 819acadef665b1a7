package io.leverwatch.kit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/**
 * The settings every service shares (Axon without Axon Server, Jackson serialization, Flyway per schema,
 * Actuator, log pattern), at the lowest priority: merged under the application's default properties, so
 * a service's own file, the environment, and the properties the embedded platform passes all win.
 */
public class KitDefaults implements EnvironmentPostProcessor {

    static final String DEFAULT_PROPERTIES = "defaultProperties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> merged = new LinkedHashMap<>(load());
        PropertySource<?> existing = environment.getPropertySources().get(DEFAULT_PROPERTIES);
        if (existing instanceof MapPropertySource map) {
            merged.putAll(map.getSource());
            environment
                    .getPropertySources()
                    .replace(DEFAULT_PROPERTIES, new MapPropertySource(DEFAULT_PROPERTIES, merged));
        } else {
            environment.getPropertySources().addLast(new MapPropertySource(DEFAULT_PROPERTIES, merged));
        }
    }

    private static Map<String, Object> load() {
        try {
            Properties properties =
                    PropertiesLoaderUtils.loadProperties(new ClassPathResource("leverwatch-kit-defaults.properties"));
            Map<String, Object> values = new LinkedHashMap<>();
            properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name)));
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
