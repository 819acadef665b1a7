package io.leverwatch.access.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leverwatch.access.account.AccountRejected;
import io.leverwatch.access.account.AttachToContract;
import io.leverwatch.events.EventTypes;
import io.leverwatch.events.contract.AccountRegistered;
import io.leverwatch.events.contract.ContractRegistered;
import io.leverwatch.kit.ingest.CommandSender;
import java.io.IOException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Learns contracts and their accounts from {@code leverwatch.contract.events} (structured CloudEvents whose
 * {@code data} is the events-api record), and attaches each registered account to its contract, which
 * releases the access events that arrived before the registration.
 */
@Component
class ContractEventsListener {

    private static final Logger log = LoggerFactory.getLogger(ContractEventsListener.class);

    private final ObjectMapper mapper;
    private final KnownContracts contracts;
    private final KnownAccounts accounts;
    private final CommandSender commands;

    ContractEventsListener(
            ObjectMapper mapper, KnownContracts contracts, KnownAccounts accounts, CommandSender commands) {
        this.mapper = mapper;
        this.contracts = contracts;
        this.accounts = accounts;
        this.commands = commands;
    }

    /** A database or broker failure is thrown, so the record is retried rather than skipped. */
    void onRecord(ConsumerRecord<byte[], byte[]> record) {
        JsonNode event = parse(record);
        if (event == null) {
            return;
        }
        switch (event.path("type").asText()) {
            case EventTypes.CONTRACT_REGISTERED -> {
                ContractRegistered registered = data(event, record, ContractRegistered.class);
                if (registered != null) {
                    contracts.register(registered.contractId(), registered.agencyId());
                }
            }
            case EventTypes.ACCOUNT_REGISTERED -> {
                AccountRegistered registered = data(event, record, AccountRegistered.class);
                if (registered != null) {
                    attach(registered);
                }
            }
            default -> {
                // Critical periods and terminations matter to compliance-service, not here.
            }
        }
    }

    /**
     * Recorded first, in its own transaction, so the account's agency is known before any event carrying its
     * contract can reach the publisher; a redelivery repeats both steps harmlessly.
     */
    private void attach(AccountRegistered account) {
        accounts.register(account);
        try {
            commands.send(new AttachToContract(
                    account.accountId(),
                    account.contractId(),
                    account.agencyId(),
                    account.heldInNameOf(),
                    account.platform(),
                    account.label(),
                    account.occurredAt()));
        } catch (AccountRejected e) {
            // contract-service registered the account under a second contract: retrying cannot fix that.
            log.error(
                    "account {} not attached to contract {}: {}",
                    account.accountId(),
                    account.contractId(),
                    e.getMessage());
        }
    }

    private <T> T data(JsonNode event, ConsumerRecord<byte[], byte[]> record, Class<T> type) {
        try {
            return mapper.treeToValue(event.get("data"), type);
        } catch (IOException | IllegalArgumentException e) {
            log.error(
                    "unreadable {} {} at {}@{}: {}",
                    type.getSimpleName(),
                    event.path("id").asText(),
                    record.topic(),
                    record.offset(),
                    e.getMessage());
            return null;
        }
    }

    private JsonNode parse(ConsumerRecord<byte[], byte[]> record) {
        try {
            return record.value() == null ? null : mapper.readTree(record.value());
        } catch (IOException e) {
            log.error(
                    "unparseable record at {}-{}@{} ignored: {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    e.getMessage());
            return null;
        }
    }
}
