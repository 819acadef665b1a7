package io.leverwatch.kit;

import static org.assertj.core.api.Assertions.assertThat;

import io.leverwatch.infra.EmbeddedDatabase;
import io.leverwatch.infra.TestInfrastructure;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * The data source a service gets from the kit's defaults, on the real PostgreSQL: a JDBC batch of inserts goes to the
 * server as multi-row inserts, which the driver tells by answering SUCCESS_NO_INFO for each row of the batch.
 */
class KitDataSourceIT {

    @Test
    void aBatchOfInsertsIsSentAsMultiRowInserts() throws Exception {
        EmbeddedDatabase db = TestInfrastructure.database();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(DataSourceOnly.class)
                        .web(WebApplicationType.NONE)
                        .properties(Map.of(
                                "leverwatch.schema", "public",
                                "leverwatch.db.url", db.jdbcUrl(),
                                "leverwatch.db.user", db.username(),
                                "leverwatch.db.password", db.password()))
                        .run();
                Connection connection = context.getBean(DataSource.class).getConnection()) {
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("create temporary table kit_batch_probe (id int primary key, label text)");
            }
            int[] counts;
            try (PreparedStatement insert =
                    connection.prepareStatement("insert into kit_batch_probe (id, label) values (?, ?)")) {
                for (int id = 1; id <= 8; id++) {
                    insert.setInt(1, id);
                    insert.setString(2, "row " + id);
                    insert.addBatch();
                }
                counts = insert.executeBatch();
            }

            // One statement a row would answer 1 for each; a rewritten batch cannot tell its rows apart (the driver
            // sends batches in multi-row statements of a power of two rows: these eight in one).
            assertThat(counts).containsOnly(Statement.SUCCESS_NO_INFO).hasSize(8);
            try (Statement read = connection.createStatement();
                    var rows = read.executeQuery("select count(*), min(id), max(id) from kit_batch_probe")) {
                rows.next();
                assertThat(new int[] {rows.getInt(1), rows.getInt(2), rows.getInt(3)})
                        .containsExactly(8, 1, 8);
            }
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(DataSourceAutoConfiguration.class)
    static class DataSourceOnly {}
}
