package io.leverwatch.kit;

import java.util.Arrays;
import java.util.stream.Stream;
import org.flywaydb.core.api.Location;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;

/**
 * The kit's optional tables. Every service migrates {@code db/kit}; the tables of an optional part of the kit
 * (known contracts, the publication gate) live in a folder of their own, added to the service's migrations
 * only by the configuration a service imports to use that part, so other services' schemas never get them.
 * All kit folders share one version sequence below 100 (services number theirs from 100).
 */
public final class KitMigrations {

    public static FlywayConfigurationCustomizer including(String folder) {
        return configuration -> configuration.locations(Stream.concat(
                        Arrays.stream(configuration.getLocations()), Stream.of(new Location("classpath:" + folder)))
                .toArray(Location[]::new));
    }

    private KitMigrations() {}
}
