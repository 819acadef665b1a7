package io.leverwatch.compliance.operator.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The version of compliance-service that made a bundle: from the jar's Maven descriptor, else its manifest, else
 * {@code development} (classes run from a build directory).
 */
public final class SoftwareVersion {

    private static final String POM_PROPERTIES = "/META-INF/maven/io.leverwatch/compliance-service/pom.properties";

    public static String current() {
        try (InputStream in = SoftwareVersion.class.getResourceAsStream(POM_PROPERTIES)) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                String version = properties.getProperty("version");
                if (version != null && !version.isBlank()) {
                    return "compliance-service " + version;
                }
            }
        } catch (IOException e) {
            // fall through to the manifest
        }
        String version = SoftwareVersion.class.getPackage().getImplementationVersion();
        return "compliance-service " + (version == null ? "development" : version);
    }

    private SoftwareVersion() {}
}
