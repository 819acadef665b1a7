package io.leverwatch.access.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ClientLockoutTest {

    /** A lockout (true) or a restoration (false) at a business time. */
    record Fact(boolean lockout, Instant at) {}

    @Property
    void theSameFactsInAnyArrivalOrderGiveTheSameAnswer(@ForAll("facts") List<Fact> facts, @ForAll long seed) {
        List<Fact> shuffled = new ArrayList<>(facts);
        Collections.shuffle(shuffled, new Random(seed));

        assertThat(fold(shuffled).isLockedOut()).isEqualTo(fold(facts).isLockedOut());
    }

    @Property
    void theClientIsLockedOutExactlyWhenTheLatestFactIsALockoutWithNoRestorationAtTheSameTime(
            @ForAll("facts") List<Fact> facts) {
        Instant latest = facts.stream().map(Fact::at).max(Instant::compareTo).orElse(null);
        boolean expected = latest != null
                && facts.stream().anyMatch(f -> f.lockout() && f.at().equals(latest))
                && facts.stream().noneMatch(f -> !f.lockout() && f.at().equals(latest));

        assertThat(fold(facts).isLockedOut()).isEqualTo(expected);
    }

    @Provide
    Arbitrary<List<Fact>> facts() {
        Arbitrary<Instant> times = Arbitraries.longs()
                .between(0, 20)
                .map(hours -> Instant.parse("2026-04-01T00:00:00Z").plusSeconds(hours * 3600));
        return Combinators.combine(Arbitraries.of(true, false), times)
                .as(Fact::new)
                .list()
                .ofMaxSize(8);
    }

    private static ClientLockout fold(List<Fact> facts) {
        ClientLockout lockout = ClientLockout.NEVER;
        for (Fact fact : facts) {
            lockout = fact.lockout() ? lockout.lockedOutAt(fact.at()) : lockout.restoredAt(fact.at());
        }
        return lockout;
    }
}
