package io.leverwatch.contract.lifecycle;

import io.leverwatch.contract.lifecycle.ContractCommands.DeclareCriticalPeriod;
import io.leverwatch.contract.lifecycle.ContractCommands.RegisterAccount;
import io.leverwatch.contract.lifecycle.ContractCommands.RegisterContract;
import io.leverwatch.contract.lifecycle.ContractCommands.TerminateContract;
import io.leverwatch.events.contract.AccountRegistered;
import io.leverwatch.events.contract.ContractRegistered;
import io.leverwatch.events.contract.ContractTerminated;
import io.leverwatch.events.contract.CriticalPeriodDeclared;
import io.leverwatch.events.contract.HeldInNameOf;
import io.leverwatch.events.contract.Party;
import io.leverwatch.events.contract.Platform;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ContractTest {

    static final String CONTRACT = "contract-1";
    static final Instant JAN_5 = Instant.parse("2026-01-05T09:00:00Z");
    static final Instant MAR_31 = Instant.parse("2026-03-31T23:59:59Z");

    AggregateTestFixture<Contract> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Contract.class);
    }

    static ContractRegistered registered() {
        return new ContractRegistered(
                CONTRACT,
                "agency-a",
                "Agence Pixel",
                "client-1",
                "Boulangerie Martin",
                "community management",
                LocalDate.of(2026, 1, 5),
                JAN_5);
    }

    static AccountRegistered facebook(HeldInNameOf holder) {
        return new AccountRegistered(CONTRACT, "agency-a", "fb-1", Platform.FACEBOOK, "Page", holder, JAN_5);
    }

    @Test
    void registersAContract() {
        fixture.givenNoPriorActivity()
                .when(new RegisterContract(
                        CONTRACT,
                        "agency-a",
                        "Agence Pixel",
                        "client-1",
                        "Boulangerie Martin",
                        "community management",
                        LocalDate.of(2026, 1, 5),
                        JAN_5))
                .expectSuccessfulHandlerExecution()
                .expectEvents(registered());
    }

    @Test
    void refusesToRegisterTheSameContractTwice() {
        fixture.given(registered())
                .when(new RegisterContract(
                        CONTRACT,
                        "agency-a",
                        "Agence Pixel",
                        "client-1",
                        "Boulangerie Martin",
                        "community management",
                        LocalDate.of(2026, 1, 5),
                        JAN_5))
                .expectException(ContractRejected.class)
                .expectExceptionMessage("contract contract-1 is already registered");
    }

    @Test
    void registersAnAccountHeldForTheClient() {
        fixture.given(registered())
                .when(new RegisterAccount(CONTRACT, "fb-1", Platform.FACEBOOK, "Page", HeldInNameOf.CLIENT, JAN_5))
                .expectEvents(facebook(HeldInNameOf.CLIENT));
    }

    @Test
    void anIdenticalAccountRegistrationChangesNothing() {
        fixture.given(registered(), facebook(HeldInNameOf.CLIENT))
                .when(new RegisterAccount(CONTRACT, "fb-1", Platform.FACEBOOK, "Page", HeldInNameOf.CLIENT, JAN_5))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesToChangeWhoseNameAnAccountIsHeldIn() {
        fixture.given(registered(), facebook(HeldInNameOf.CLIENT))
                .when(new RegisterAccount(CONTRACT, "fb-1", Platform.FACEBOOK, "Page", HeldInNameOf.AGENCY, JAN_5))
                .expectException(ContractRejected.class)
                .expectNoEvents();
    }

    @Test
    void refusesAnAccountAddedAfterTermination() {
        fixture.given(registered(), new ContractTerminated(CONTRACT, "agency-a", Party.CLIENT, MAR_31, "end", MAR_31))
                .when(new RegisterAccount(
                        CONTRACT, "x-1", Platform.X_TWITTER, "X", HeldInNameOf.CLIENT, MAR_31.plusSeconds(3600)))
                .expectException(ContractRejected.class);
    }

    @Test
    void acceptsALateAccountWhoseBusinessTimeIsBeforeTermination() {
        fixture.given(registered(), new ContractTerminated(CONTRACT, "agency-a", Party.CLIENT, MAR_31, "end", MAR_31))
                .when(new RegisterAccount(CONTRACT, "fb-1", Platform.FACEBOOK, "Page", HeldInNameOf.CLIENT, JAN_5))
                .expectEvents(facebook(HeldInNameOf.CLIENT));
    }

    @Test
    void declaresACriticalPeriod() {
        Instant from = Instant.parse("2026-04-01T00:00:00Z");
        Instant to = Instant.parse("2026-04-15T00:00:00Z");
        fixture.given(registered())
                .when(new DeclareCriticalPeriod(CONTRACT, from, to, "spring promotion", JAN_5))
                .expectEvents(new CriticalPeriodDeclared(CONTRACT, "agency-a", from, to, "spring promotion", JAN_5));
    }

    @Test
    void refusesACriticalPeriodThatEndsBeforeItStarts() {
        Instant from = Instant.parse("2026-04-15T00:00:00Z");
        fixture.given(registered())
                .when(new DeclareCriticalPeriod(CONTRACT, from, from.minusSeconds(1), "backwards", JAN_5))
                .expectException(ContractRejected.class);
    }

    @Test
    void terminatesAContract() {
        fixture.given(registered())
                .when(new TerminateContract(CONTRACT, Party.CLIENT, MAR_31, "client leaves", JAN_5))
                .expectEvents(
                        new ContractTerminated(CONTRACT, "agency-a", Party.CLIENT, MAR_31, "client leaves", JAN_5));
    }

    @Test
    void refusesToTerminateTwice() {
        fixture.given(registered(), new ContractTerminated(CONTRACT, "agency-a", Party.CLIENT, MAR_31, "end", JAN_5))
                .when(new TerminateContract(CONTRACT, Party.AGENCY, MAR_31, "again", JAN_5))
                .expectException(ContractRejected.class)
                .expectExceptionMessage("contract contract-1 is already terminated, effective 2026-03-31T23:59:59Z");
    }

    @Test
    void refusesATerminationBeforeTheContractStarted() {
        fixture.given(registered())
                .when(new TerminateContract(CONTRACT, Party.AGENCY, Instant.parse("2025-12-01T00:00:00Z"), "x", JAN_5))
                .expectException(ContractRejected.class);
    }

    @Test
    void refusesCommandsOnAnUnknownContract() {
        fixture.givenNoPriorActivity()
                .when(new TerminateContract(CONTRACT, Party.AGENCY, MAR_31, "x", JAN_5))
                .expectException(org.axonframework.modelling.command.AggregateNotFoundException.class);
    }
}
