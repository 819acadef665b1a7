package io.leverwatch.kit.contracts;

/**
 * What a service does with one kind of event on {@code leverwatch.contract.events}, beyond learning contracts
 * (which the kit does for every service that imports {@link ContractEventsConsumption}). Called outside any
 * transaction; a failure of ours thrown from {@link #on} makes the record retried, not skipped.
 *
 * @param <T> the events-api record the event carries, as listed in {@link io.leverwatch.events.EventCatalog}
 */
public interface ContractEventHandler<T> {

    Class<T> eventType();

    void on(T event);
}
