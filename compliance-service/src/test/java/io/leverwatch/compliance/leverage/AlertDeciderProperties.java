package io.leverwatch.compliance.leverage;

import static io.leverwatch.compliance.leverage.History.caseOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** The same history, in any arrival order and however often delivered, gives the same alerts. */
class AlertDeciderProperties {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    @Property(tries = 300)
    void anyArrivalOrderWithDuplicatesGivesEqualDecisions(
            @ForAll("histories") List<Fact> history, @ForAll Random random) {
        List<AlertDecision> inOrder = AlertDecider.decide(caseOf(RandomHistories.inBusinessOrder(history)));
        List<AlertDecision> anyOrder = AlertDecider.decide(caseOf(RandomHistories.arrivalOrder(history, random)));

        Statistics.label("alerts").collect(inOrder.size());
        Statistics.label("rules")
                .collect(inOrder.stream()
                        .map(AlertDecision::rule)
                        .distinct()
                        .sorted()
                        .toList());
        assertThat(anyOrder).isEqualTo(inOrder);
    }

    @Property(tries = 300)
    void alertIdsAreUniqueAndEvidenceIsInBusinessOrder(@ForAll("histories") List<Fact> history) {
        List<AlertDecision> decisions = AlertDecider.decide(caseOf(history));

        Set<String> ids = new HashSet<>();
        for (AlertDecision decision : decisions) {
            assertThat(ids.add(decision.alertId()))
                    .as("unique id %s", decision.alertId())
                    .isTrue();
            List<Evidence> evidence = decision.facts().evidence();
            assertThat(evidence)
                    .isSortedAccordingTo((a, b) -> a.time().equals(b.time())
                            ? a.eventId().compareTo(b.eventId())
                            : a.time().compareTo(b.time()));
            assertThat(evidence).extracting(Evidence::eventId).contains(decision.episodeFirstEventId());
        }
    }

    @Property(tries = 100)
    void aCaseStoredAsJsonGivesTheSameDecisions(@ForAll("histories") List<Fact> history) throws Exception {
        ContractCase contractCase = caseOf(history);

        ContractCase restored = JSON.readValue(JSON.writeValueAsString(contractCase), ContractCase.class);

        assertThat(restored.facts()).isEqualTo(contractCase.facts());
        assertThat(AlertDecider.decide(restored)).isEqualTo(AlertDecider.decide(contractCase));
    }

    @Property(tries = 100)
    void decisionsStoredAsJsonAreEqualToTheOriginals(@ForAll("histories") List<Fact> history) throws Exception {
        List<AlertDecision> decisions = AlertDecider.decide(caseOf(history));

        AlertDecision[] restored = JSON.readValue(JSON.writeValueAsString(decisions), AlertDecision[].class);

        assertThat(List.of(restored)).isEqualTo(decisions);
    }

    @Provide
    Arbitrary<List<Fact>> histories() {
        return RandomHistories.histories();
    }
}
