package io.leverwatch.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * There is no Docker engine here, so this keeps docker-compose.yml honest: every service it builds is a
 * module of this build, every variable it gives a service is a setting that service really reads, its secrets come
 * from the environment, and nothing in it turns on the embedded mode's demo credentials.
 */
class ComposeFileTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Set<String> INFRASTRUCTURE = Set.of("postgres", "kafka");
    /** Variables that hold a credential: their value must never be written in the file. */
    static final java.util.regex.Pattern SECRET = java.util.regex.Pattern.compile("PASSWORD|SECRET|_KEY|TOKEN|USERS");

    @Test
    void everyServiceIsAModuleAndEveryVariableIsReadByIt() throws Exception {
        JsonNode compose = new ObjectMapper(new YAMLFactory())
                .readTree(ROOT.resolve("docker-compose.yml").toFile());
        JsonNode services = compose.get("services");
        Set<String> built = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = services.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> service = it.next();
            if (INFRASTRUCTURE.contains(service.getKey())) {
                continue;
            }
            String module = service.getValue().at("/build/args/SERVICE").asText();
            assertThat(module).as("build arg of %s", service.getKey()).isEqualTo(service.getKey());
            assertThat(ROOT.resolve(module).resolve("pom.xml"))
                    .as("module of %s", module)
                    .exists();
            built.add(module);
            Set<String> settings = settingsReadBy(module);
            for (Iterator<String> names = service.getValue().get("environment").fieldNames(); names.hasNext(); ) {
                String variable = names.next();
                assertThat(settings)
                        .as("%s sets %s, which %s does not read", service.getKey(), variable, module)
                        .contains(canonical(variable));
            }
        }
        assertThat(built)
                .containsExactlyInAnyOrder(
                        "contract-service", "billing-service", "access-service", "compliance-service");
    }

    @Test
    void secretsComeFromTheEnvironmentAndNothingTurnsOnTheEmbeddedMode() throws Exception {
        JsonNode services = new ObjectMapper(new YAMLFactory())
                .readTree(ROOT.resolve("docker-compose.yml").toFile())
                .get("services");
        for (Iterator<Map.Entry<String, JsonNode>> it = services.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> service = it.next();
            JsonNode environment = service.getValue().get("environment");
            if (environment == null) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> vars = environment.fields(); vars.hasNext(); ) {
                Map.Entry<String, JsonNode> variable = vars.next();
                String name = variable.getKey();
                if (SECRET.matcher(name).find()) {
                    assertThat(variable.getValue().asText())
                            .as("%s of %s must come from the environment, with no default", name, service.getKey())
                            .matches("\\$\\{[A-Z0-9_]+:\\?[^}]*}");
                }
                assertThat(canonical(name))
                        .as("%s of %s", name, service.getKey())
                        .isNotIn(
                                canonical("leverwatch.embedded"),
                                canonical("leverwatch.demo-keys"),
                                canonical("leverwatch.demo-users"));
            }
        }
    }

    /** The settings a service reads: the kit's defaults, its own file, and the kit's typed properties. */
    private static Set<String> settingsReadBy(String module) throws Exception {
        Set<String> settings = new HashSet<>();
        settings.add(canonical("server.port"));
        addKeys(settings, "/leverwatch-kit-defaults.properties");
        addKeys(settings, "/" + module + ".properties");
        for (var field : io.leverwatch.kit.LeverwatchProperties.class.getDeclaredFields()) {
            settings.add(canonical("leverwatch." + field.getName()));
        }
        addTypedProperties(settings, "io.leverwatch." + module.replace("-service", ""));
        return settings;
    }

    /** Fields of the service's own {@code @ConfigurationProperties} classes, under their prefix. */
    private static void addTypedProperties(Set<String> settings, String basePackage) throws Exception {
        var scanner = new org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new org.springframework.core.type.filter.AnnotationTypeFilter(
                org.springframework.boot.context.properties.ConfigurationProperties.class));
        for (var candidate : scanner.findCandidateComponents(basePackage)) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            var annotation =
                    type.getAnnotation(org.springframework.boot.context.properties.ConfigurationProperties.class);
            String prefix = annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
            for (var field : type.getDeclaredFields()) {
                settings.add(canonical(prefix + "." + field.getName()));
            }
        }
    }

    private static void addKeys(Set<String> settings, String resource) throws Exception {
        try (InputStream in = ComposeFileTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            Properties properties = new Properties();
            properties.load(in);
            properties.stringPropertyNames().forEach(name -> settings.add(canonical(name)));
        }
    }

    /** Spring's relaxed binding: LEVERWATCH_DB_URL, leverwatch.db.url and leverwatch.dbUrl are one setting. */
    private static String canonical(String name) {
        return name.replaceAll("[._-]", "").toLowerCase();
    }
}
