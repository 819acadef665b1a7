package io.leverwatch.compliance.inbox;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;

/**
 * Orders the inbox's events per contract, whatever service they come from, so that one contract's saga sees its
 * events one at a time and in store order while other contracts go in parallel. Events without a contract (the
 * alerts' own) keep the default: per aggregate.
 */
public class ContractSequencingPolicy implements SequencingPolicy<EventMessage<?>> {

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        Object contractId = event.getMetaData().get(InboxMetaData.CONTRACT_ID);
        return contractId != null
                ? contractId
                : SequentialPerAggregatePolicy.instance().getSequenceIdentifierFor(event);
    }
}
