package io.leverwatch.access.account;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.leverwatch.events.access.AccessRequestRefused;
import io.leverwatch.events.access.AccessRequested;
import io.leverwatch.events.access.AccessRestored;
import io.leverwatch.events.access.AccessRevoked;
import io.leverwatch.events.access.CredentialsChanged;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * An account (social network, domain, ads, admin) that an agency manages, and what happened to the
 * client's access to it.
 *
 * <p>History arrives late and in any order, across services: an access fact may come before
 * access-service learns from contract-service which contract the account belongs to. So whichever command
 * comes first creates the account, and access facts are always recorded, whatever the account's state and
 * whatever their business time compared to facts already seen. Their {@code contractId} is null until the
 * account is attached to its contract, and the contract's id from then on. Only truly invalid input is
 * refused (a blank id, a missing business time or value), and attaching the account to a second contract.
 *
 * <p>The state follows whether the client is currently locked out, by business time ({@link ClientLockout});
 * it never decides whether a fact is accepted.
 */
@Aggregate
public class ManagedAccount {

    @AggregateIdentifier
    private String accountId;

    private String contractId;
    private ClientLockout lockout = ClientLockout.NEVER;

    protected ManagedAccount() {
        // Axon creates the aggregate empty, then runs the first command on it or replays its events.
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ChangeCredentials command) {
        requireId(command.accountId());
        require(command.accountId(), command.changedBy(), "author of the credentials change");
        require(command.accountId(), command.reason(), "reason for the credentials change");
        require(command.accountId(), command.occurredAt(), "business time");
        apply(new CredentialsChanged(
                command.accountId(),
                contractId,
                command.changedBy(),
                command.ownerRetainsAccess(),
                command.reason(),
                command.occurredAt()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RevokeAccess command) {
        requireId(command.accountId());
        require(command.accountId(), command.revokedBy(), "author of the revocation");
        require(command.accountId(), command.role(), "role that was removed");
        require(command.accountId(), command.occurredAt(), "business time");
        apply(new AccessRevoked(
                command.accountId(), contractId, command.revokedBy(), command.role(), command.occurredAt()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RequestAccess command) {
        requireId(command.accountId());
        require(command.accountId(), command.occurredAt(), "business time");
        apply(new AccessRequested(command.accountId(), contractId, command.occurredAt()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RefuseAccessRequest command) {
        requireId(command.accountId());
        require(command.accountId(), command.reason(), "reason for the refusal");
        require(command.accountId(), command.occurredAt(), "business time");
        apply(new AccessRequestRefused(
                command.accountId(), contractId, command.reason(), command.statement(), command.occurredAt()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RestoreAccess command) {
        requireId(command.accountId());
        require(command.accountId(), command.means(), "means of restoring access");
        require(command.accountId(), command.occurredAt(), "business time");
        apply(new AccessRestored(command.accountId(), contractId, command.means(), command.occurredAt()));
    }

    /**
     * Attach the account to its contract. Attaching again to the same contract is a redelivery and changes
     * nothing; an account belongs to one contract, so another contract is refused.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(AttachToContract command) {
        String id = command.accountId();
        requireId(id);
        requireText(id, command.contractId(), "contract id");
        requireText(id, command.agencyId(), "agency id");
        require(id, command.heldInNameOf(), "name the account is held in");
        require(id, command.platform(), "platform");
        require(id, command.occurredAt(), "business time");
        if (command.contractId().equals(contractId)) {
            return;
        }
        if (contractId != null) {
            throw AccountRejected.attachedToAnotherContract(id, contractId, command.contractId());
        }
        apply(new AccountAttachedToContract(
                id,
                command.contractId(),
                command.agencyId(),
                command.heldInNameOf(),
                command.platform(),
                command.label(),
                command.occurredAt()));
    }

    @EventSourcingHandler
    void on(AccountAttachedToContract event) {
        accountId = event.accountId();
        contractId = event.contractId();
    }

    @EventSourcingHandler
    void on(CredentialsChanged event) {
        accountId = event.accountId();
        if (ClientLockout.locksOut(event)) {
            lockout = lockout.lockedOutAt(event.occurredAt());
        }
    }

    @EventSourcingHandler
    void on(AccessRevoked event) {
        accountId = event.accountId();
        if (ClientLockout.locksOut(event)) {
            lockout = lockout.lockedOutAt(event.occurredAt());
        }
    }

    @EventSourcingHandler
    void on(AccessRequested event) {
        accountId = event.accountId();
    }

    @EventSourcingHandler
    void on(AccessRequestRefused event) {
        accountId = event.accountId();
        lockout = lockout.lockedOutAt(event.occurredAt());
    }

    @EventSourcingHandler
    void on(AccessRestored event) {
        accountId = event.accountId();
        lockout = lockout.restoredAt(event.occurredAt());
    }

    /** The contract the account is managed under, or null while access-service does not know it yet. */
    public String contractId() {
        return contractId;
    }

    /** Whether the client is locked out, judged on the business time of every fact seen so far. */
    public boolean isClientLockedOut() {
        return lockout.isLockedOut();
    }

    private static void requireId(String accountId) {
        requireText(accountId, accountId, "account id");
    }

    private static void requireText(String accountId, String value, String field) {
        if (value == null || value.isBlank()) {
            throw AccountRejected.missing(accountId, field);
        }
    }

    private static void require(String accountId, Object value, String field) {
        if (value == null) {
            throw AccountRejected.missing(accountId, field);
        }
    }
}
