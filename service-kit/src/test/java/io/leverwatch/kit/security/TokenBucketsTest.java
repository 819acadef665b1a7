package io.leverwatch.kit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leverwatch.kit.test.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TokenBucketsTest {

    final MovableClock clock = new MovableClock(Instant.parse("2026-03-01T10:00:00Z"));

    @Test
    void anAgencySendsItsBurstAtOnceThenWaitsForTheNextToken() {
        TokenBuckets buckets = new TokenBuckets(2, 5, clock);

        assertThat(IntStream.range(0, 5).mapToObj(i -> buckets.take("agency-a")))
                .allMatch(Duration::isZero);
        assertThat(buckets.take("agency-a")).isEqualTo(Duration.ofMillis(500));

        clock.advance(Duration.ofMillis(499));
        assertThat(buckets.take("agency-a")).isEqualTo(Duration.ofMillis(1));
        clock.advance(Duration.ofMillis(1));
        assertThat(buckets.take("agency-a")).isZero();
        assertThat(buckets.take("agency-a")).isPositive();
    }

    @Test
    void oneAgencyFloodingLeavesAnotherItsWholeBurst() {
        TokenBuckets buckets = new TokenBuckets(1, 3, clock);
        IntStream.range(0, 10).forEach(i -> buckets.take("agency-a"));

        assertThat(IntStream.range(0, 3).mapToObj(i -> buckets.take("agency-b")))
                .allMatch(Duration::isZero);
        assertThat(buckets.take("agency-b")).isPositive();
    }

    @Test
    void aQuietBucketRefillsUpToItsBurstAndNoFurther() {
        TokenBuckets buckets = new TokenBuckets(10, 4, clock);
        IntStream.range(0, 4).forEach(i -> buckets.take("agency-a"));

        clock.advance(Duration.ofHours(1));

        assertThat(IntStream.range(0, 4).mapToObj(i -> buckets.take("agency-a")))
                .allMatch(Duration::isZero);
        assertThat(buckets.take("agency-a")).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void aLimitThatLetsNothingThroughIsRefusedAtStart() {
        assertThatThrownBy(() -> new TokenBuckets(0, 10, clock)).hasMessageContaining("requests-per-second");
        assertThatThrownBy(() -> new TokenBuckets(10, 0, clock)).hasMessageContaining("burst");
    }
}
