package io.leverwatch.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The embedded mode's demo credentials: keys for two agencies and the users {@code officer},
 * {@code operator} and {@code auditor}. They are random, made on the first start and kept in the data
 * folder so the printed ones stay valid across restarts. Nothing like this exists outside embedded mode.
 */
public record DemoAgencies(Map<String, String> keys, Map<String, String> users) {

    public static final String AGENCY_PIXEL = "agency-pixel";
    public static final String AGENCY_NOVA = "agency-nova";

    private static final SecureRandom RANDOM = new SecureRandom();

    public static DemoAgencies loadOrCreate(Path file) {
        Properties properties = new Properties();
        try {
            if (Files.exists(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    properties.load(in);
                }
            } else {
                properties.setProperty("key." + AGENCY_PIXEL, "lw_demo_" + random(24));
                properties.setProperty("key." + AGENCY_NOVA, "lw_demo_" + random(24));
                for (String user : List.of("officer", "operator", "auditor")) {
                    properties.setProperty("user." + user, random(9));
                }
                Files.createDirectories(file.getParent());
                try (OutputStream out = Files.newOutputStream(file)) {
                    properties.store(out, "Leverwatch embedded mode demo credentials (never use in production)");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> keys = new LinkedHashMap<>();
        Map<String, String> users = new LinkedHashMap<>();
        properties.stringPropertyNames().stream().sorted().forEach(name -> {
            if (name.startsWith("key.")) {
                keys.put(name.substring(4), properties.getProperty(name));
            } else if (name.startsWith("user.")) {
                users.put(name.substring(5), properties.getProperty(name));
            }
        });
        return new DemoAgencies(
                java.util.Collections.unmodifiableMap(keys), java.util.Collections.unmodifiableMap(users));
    }

    public String keyOf(String agency) {
        return keys.get(agency);
    }

    List<String> keyEntries() {
        return keys.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .toList();
    }

    List<String> userEntries() {
        return users.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .toList();
    }

    private static String random(int bytes) {
        byte[] buffer = new byte[bytes];
        RANDOM.nextBytes(buffer);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer);
    }
}
