package io.leverwatch.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

class KitMigrationsTest {

    /** A service migrates db/kit and any optional kit folders together with its own V100 and up. */
    @Test
    void allKitFoldersShareOneVersionSequenceBelowTheServices() throws Exception {
        Resource[] migrations = new PathMatchingResourcePatternResolver().getResources("classpath*:db/kit*/V*__*.sql");
        List<Integer> versions = Arrays.stream(migrations)
                .map(m -> Integer.parseInt(
                        m.getFilename().substring(1, m.getFilename().indexOf("__"))))
                .toList();

        assertThat(versions).doesNotHaveDuplicates().allMatch(v -> v < 100).contains(1, 2, 3, 4);
    }
}
