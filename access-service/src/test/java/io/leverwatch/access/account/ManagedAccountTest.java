package io.leverwatch.access.account;

import static io.leverwatch.kit.test.Rejections.rejectedFor;
import static org.assertj.core.api.Assertions.assertThat;

import io.leverwatch.access.account.AccountRejected.Reason;
import io.leverwatch.events.access.AccessRequestRefused;
import io.leverwatch.events.access.AccessRequested;
import io.leverwatch.events.access.AccessRestored;
import io.leverwatch.events.access.AccessRevoked;
import io.leverwatch.events.access.AccountRole;
import io.leverwatch.events.access.Actor;
import io.leverwatch.events.access.ChangeReason;
import io.leverwatch.events.access.CredentialsChanged;
import io.leverwatch.events.access.RefusalReason;
import io.leverwatch.events.access.RestoreMeans;
import io.leverwatch.events.access.Revoker;
import io.leverwatch.events.contract.HeldInNameOf;
import io.leverwatch.events.contract.Platform;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ManagedAccountTest {

    private static final String ACCOUNT = "fb-boulangerie-martin";
    private static final String CONTRACT = "CTR-42";
    private static final String AGENCY = "agency-pixel";
    private static final Instant REGISTERED_AT = Instant.parse("2026-01-05T09:00:00Z");
    private static final Instant T1 = Instant.parse("2026-04-02T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-04-09T16:30:00Z");

    private AggregateTestFixture<ManagedAccount> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ManagedAccount.class);
    }

    private static AttachToContract attach(String contractId) {
        return new AttachToContract(
                ACCOUNT, contractId, AGENCY, HeldInNameOf.CLIENT, Platform.FACEBOOK, "Page Facebook", REGISTERED_AT);
    }

    private static AccountAttachedToContract attached() {
        return new AccountAttachedToContract(
                ACCOUNT, CONTRACT, AGENCY, HeldInNameOf.CLIENT, Platform.FACEBOOK, "Page Facebook", REGISTERED_AT);
    }

    private static ChangeCredentials agencyLocksOwnerOut(Instant at) {
        return new ChangeCredentials(ACCOUNT, Actor.AGENCY, false, ChangeReason.PAYMENT_DEFAULT, at);
    }

    @Test
    void credentialsChangeOnAnAccountNotYetAttachedCreatesItWithoutContract() {
        fixture.givenNoPriorActivity()
                .when(agencyLocksOwnerOut(T1))
                .expectEvents(
                        new CredentialsChanged(ACCOUNT, null, Actor.AGENCY, false, ChangeReason.PAYMENT_DEFAULT, T1))
                .expectState(account -> {
                    assertThat(account.contractId()).isNull();
                    assertThat(account.isClientLockedOut()).isTrue();
                });
    }

    @Test
    void revocationAsTheFirstFactCreatesTheAccount() {
        fixture.givenNoPriorActivity()
                .when(new RevokeAccess(ACCOUNT, Revoker.AGENCY, AccountRole.ADMIN, T1))
                .expectEvents(new AccessRevoked(ACCOUNT, null, Revoker.AGENCY, AccountRole.ADMIN, T1))
                .expectState(account -> assertThat(account.isClientLockedOut()).isTrue());
    }

    @Test
    void accessRequestAsTheFirstFactCreatesTheAccount() {
        fixture.givenNoPriorActivity()
                .when(new RequestAccess(ACCOUNT, T1))
                .expectEvents(new AccessRequested(ACCOUNT, null, T1))
                .expectState(account -> assertThat(account.isClientLockedOut()).isFalse());
    }

    @Test
    void refusalAsTheFirstFactCreatesTheAccountAndLocksTheClientOut() {
        fixture.givenNoPriorActivity()
                .when(new RefuseAccessRequest(ACCOUNT, RefusalReason.PAYMENT_PENDING, null, T1))
                .expectEvents(new AccessRequestRefused(ACCOUNT, null, RefusalReason.PAYMENT_PENDING, null, T1))
                .expectState(account -> assertThat(account.isClientLockedOut()).isTrue());
    }

    @Test
    void refusalKeepsTheAgencysStatement() {
        String statement = "Access will be returned once invoice INV-2026-001 is paid.";
        fixture.given(attached())
                .when(new RefuseAccessRequest(ACCOUNT, RefusalReason.PAYMENT_PENDING, statement, T1))
                .expectEvents(
                        new AccessRequestRefused(ACCOUNT, CONTRACT, RefusalReason.PAYMENT_PENDING, statement, T1));
    }

    @Test
    void restorationAsTheFirstFactIsRecordedNotRefused() {
        fixture.givenNoPriorActivity()
                .when(new RestoreAccess(ACCOUNT, RestoreMeans.HANDOVER, T2))
                .expectEvents(new AccessRestored(ACCOUNT, null, RestoreMeans.HANDOVER, T2))
                .expectState(account -> assertThat(account.isClientLockedOut()).isFalse());
    }

    @Test
    void attachmentAsTheFirstFactCreatesTheAccountUnderItsContract() {
        fixture.givenNoPriorActivity()
                .when(attach(CONTRACT))
                .expectEvents(attached())
                .expectState(account -> assertThat(account.contractId()).isEqualTo(CONTRACT));
    }

    @Test
    void factsAfterAttachmentCarryTheContract() {
        fixture.given(attached())
                .when(new RevokeAccess(ACCOUNT, Revoker.AGENCY, AccountRole.OWNER, T1))
                .expectEvents(new AccessRevoked(ACCOUNT, CONTRACT, Revoker.AGENCY, AccountRole.OWNER, T1));
    }

    @Test
    void factsRecordedBeforeAttachmentKeepTheirStateWhenTheAccountIsAttached() {
        fixture.givenNoPriorActivity()
                .andGivenCommands(agencyLocksOwnerOut(T1))
                .when(attach(CONTRACT))
                .expectEvents(attached())
                .expectState(account -> {
                    assertThat(account.contractId()).isEqualTo(CONTRACT);
                    assertThat(account.isClientLockedOut()).isTrue();
                });
    }

    @Test
    void attachingAgainToTheSameContractChangesNothing() {
        fixture.given(attached())
                .when(attach(CONTRACT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void attachingToAnotherContractIsRejected() {
        fixture.given(attached())
                .when(attach("CTR-99"))
                .expectException(rejectedFor(Reason.ATTACHED_TO_ANOTHER_CONTRACT))
                .expectExceptionMessage("Account fb-boulangerie-martin is managed under contract CTR-42; it cannot"
                        + " also belong to contract CTR-99.")
                .expectNoEvents();
    }

    @Test
    void agencyRotationWhereTheOwnerKeepsAccessIsNoLockout() {
        fixture.given(attached())
                .when(new ChangeCredentials(ACCOUNT, Actor.AGENCY, true, ChangeReason.ROUTINE_ROTATION, T1))
                .expectEvents(new CredentialsChanged(
                        ACCOUNT, CONTRACT, Actor.AGENCY, true, ChangeReason.ROUTINE_ROTATION, T1))
                .expectState(account -> assertThat(account.isClientLockedOut()).isFalse());
    }

    @Test
    void credentialsChangeByTheClientIsNoLockout() {
        fixture.given(attached())
                .when(new ChangeCredentials(ACCOUNT, Actor.CLIENT, false, ChangeReason.SECURITY_INCIDENT, T1))
                .expectEvents(new CredentialsChanged(
                        ACCOUNT, CONTRACT, Actor.CLIENT, false, ChangeReason.SECURITY_INCIDENT, T1))
                .expectState(account -> assertThat(account.isClientLockedOut()).isFalse());
    }

    @Test
    void revocationByThePlatformIsNoLockout() {
        fixture.given(attached())
                .when(new RevokeAccess(ACCOUNT, Revoker.PLATFORM, AccountRole.EDITOR, T1))
                .expectEvents(new AccessRevoked(ACCOUNT, CONTRACT, Revoker.PLATFORM, AccountRole.EDITOR, T1))
                .expectState(account -> assertThat(account.isClientLockedOut()).isFalse());
    }

    @Test
    void restorationEndsTheLockout() {
        fixture.given(
                        attached(),
                        new CredentialsChanged(
                                ACCOUNT, CONTRACT, Actor.AGENCY, false, ChangeReason.PAYMENT_DEFAULT, T1))
                .when(new RestoreAccess(ACCOUNT, RestoreMeans.HANDOVER, T2))
                .expectEvents(new AccessRestored(ACCOUNT, CONTRACT, RestoreMeans.HANDOVER, T2))
                .expectState(account -> assertThat(account.isClientLockedOut()).isFalse());
    }

    @Test
    void lockoutArrivingAfterALaterRestorationIsRecordedAndLeavesTheClientWithAccess() {
        fixture.given(attached(), new AccessRestored(ACCOUNT, CONTRACT, RestoreMeans.HANDOVER, T2))
                .when(new RevokeAccess(ACCOUNT, Revoker.AGENCY, AccountRole.OWNER, T1))
                .expectEvents(new AccessRevoked(ACCOUNT, CONTRACT, Revoker.AGENCY, AccountRole.OWNER, T1))
                .expectState(account -> assertThat(account.isClientLockedOut()).isFalse());
    }

    @Test
    void restorationArrivingAfterALaterLockoutIsRecordedAndLeavesTheClientLockedOut() {
        fixture.given(attached(), new AccessRevoked(ACCOUNT, CONTRACT, Revoker.AGENCY, AccountRole.OWNER, T2))
                .when(new RestoreAccess(ACCOUNT, RestoreMeans.PLATFORM_RECOVERY, T1))
                .expectEvents(new AccessRestored(ACCOUNT, CONTRACT, RestoreMeans.PLATFORM_RECOVERY, T1))
                .expectState(account -> assertThat(account.isClientLockedOut()).isTrue());
    }

    @Test
    void rejectsBlankAccountId() {
        fixture.givenNoPriorActivity()
                .when(new RequestAccess(" ", T1))
                .expectException(rejectedFor(Reason.MISSING_FIELD))
                .expectExceptionMessage("The account id is missing.")
                .expectNoEvents();
    }

    @Test
    void rejectsFactWithoutBusinessTime() {
        fixture.givenNoPriorActivity()
                .when(new RevokeAccess(ACCOUNT, Revoker.AGENCY, AccountRole.OWNER, null))
                .expectException(rejectedFor(Reason.MISSING_FIELD))
                .expectExceptionMessage("The business time is missing for account fb-boulangerie-martin.")
                .expectNoEvents();
    }

    @Test
    void rejectsCredentialsChangeWithoutItsAuthor() {
        fixture.givenNoPriorActivity()
                .when(new ChangeCredentials(ACCOUNT, null, false, ChangeReason.UNSPECIFIED, T1))
                .expectException(rejectedFor(Reason.MISSING_FIELD))
                .expectNoEvents();
    }

    @Test
    void rejectsAttachmentWithoutContract() {
        fixture.givenNoPriorActivity()
                .when(attach(""))
                .expectException(rejectedFor(Reason.MISSING_FIELD))
                .expectExceptionMessage("The contract id is missing for account fb-boulangerie-martin.")
                .expectNoEvents();
    }
}
