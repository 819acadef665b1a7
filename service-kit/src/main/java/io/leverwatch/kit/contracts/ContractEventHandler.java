package io.leverwatch.kit.contracts;

import java.util.List;

/**
 * What a service does with one kind of event on {@code leverwatch.contract.events}, beyond learning contracts
 * (which the kit does for every service that imports {@link ContractEventsConsumption}). Called outside any
 * transaction, after the poll's contracts were learnt; a failure of ours thrown from {@link #on} makes the poll
 * retried, not skipped.
 *
 * @param <T> the events-api record the event carries, as listed in {@link io.leverwatch.events.EventCatalog}
 */
public interface ContractEventHandler<T> {

    Class<T> eventType();

    void on(T event);

    /**
     * A poll's events of the type, in their order on the topic, as {@link #on} would have them one by one (which it
     * does unless overridden): a handler may do them together, in fewer transactions, if a failure still leaves each
     * one handled or retried.
     */
    default void onAll(List<T> events) {
        events.forEach(this::on);
    }
}
