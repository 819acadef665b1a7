package io.leverwatch.access.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import io.leverwatch.events.contract.AccountRegistered;
import io.leverwatch.events.contract.HeldInNameOf;
import io.leverwatch.events.contract.Platform;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AccountRegistrationsTest {

    @Test
    void aPollIsAttachedAFewAccountsATransactionInItsOrder() {
        List<AccountRegistered> poll =
                IntStream.range(0, 40).mapToObj(i -> registered("acc-" + i)).toList();

        List<List<AccountRegistered>> parts = AccountRegistrations.inTransactions(poll);

        assertThat(parts).extracting(List::size).containsExactly(16, 16, 8);
        assertThat(parts.stream().flatMap(List::stream)).containsExactlyElementsOf(poll);
    }

    @Test
    void anAccountThatComesAgainStartsTheNextTransaction() {
        List<AccountRegistered> poll =
                List.of(registered("a"), registered("b"), registered("a"), registered("c"), registered("c"));

        assertThat(AccountRegistrations.inTransactions(poll))
                .extracting(
                        part -> part.stream().map(AccountRegistered::accountId).toList())
                .containsExactly(List.of("a", "b"), List.of("a", "c"), List.of("c"));
    }

    @Test
    void nothingToAttachIsNoTransaction() {
        assertThat(AccountRegistrations.inTransactions(List.of())).isEmpty();
    }

    private static AccountRegistered registered(String accountId) {
        return new AccountRegistered(
                "ctr-1",
                "agency-1",
                accountId,
                Platform.values()[0],
                "label",
                HeldInNameOf.values()[0],
                Instant.parse("2026-03-01T10:00:00Z"));
    }
}
