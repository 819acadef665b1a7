package io.leverwatch.compliance.leverage;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The facts known about one contract, whatever order they arrived in. A fact whose event id is already known is a
 * redelivery or a replay and is ignored; everything else is derived from {@link #facts()}, in business order.
 *
 * <p>Stored in the saga as its list of facts (Jackson), so its size is bounded by the contract's own events.
 */
@JsonAutoDetect(
        fieldVisibility = Visibility.NONE,
        getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public final class ContractCase {

    private final Map<String, Fact> factsById = new HashMap<>();

    public ContractCase() {}

    @JsonCreator
    public ContractCase(@JsonProperty("facts") Collection<Fact> facts) {
        if (facts != null) {
            facts.forEach(this::apply);
        }
    }

    /**
     * Records a fact.
     *
     * @return false if a fact with the same event id was already known (it is then ignored)
     */
    public boolean apply(Fact fact) {
        return factsById.putIfAbsent(fact.eventId(), fact) == null;
    }

    /** All facts, by business time then event id. */
    @JsonProperty("facts")
    public List<Fact> facts() {
        return factsById.values().stream().sorted(Fact.BUSINESS_ORDER).toList();
    }

    /** The facts whose payload is of the given record type, by business time then event id. */
    public List<Fact> factsOf(Class<?> recordClass) {
        return factsById.values().stream()
                .filter(fact -> recordClass.isInstance(fact.payload()))
                .sorted(Fact.BUSINESS_ORDER)
                .toList();
    }

    /** The payloads of the given record type, by business time then event id. */
    public <T> List<T> payloadsOf(Class<T> recordClass) {
        return factsOf(recordClass).stream()
                .map(fact -> recordClass.cast(fact.payload()))
                .toList();
    }

    /** The contract these facts are about; empty before the first fact. */
    public Optional<String> contractId() {
        return facts().stream().findFirst().map(fact -> PublishedEvents.contractId(fact.payload()));
    }

    public int size() {
        return factsById.size();
    }
}
