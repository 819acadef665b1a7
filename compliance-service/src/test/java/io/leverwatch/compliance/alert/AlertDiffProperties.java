package io.leverwatch.compliance.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.leverwatch.compliance.leverage.AlertDecider;
import io.leverwatch.compliance.leverage.AlertDecision;
import io.leverwatch.compliance.leverage.ContractCase;
import io.leverwatch.compliance.leverage.Fact;
import io.leverwatch.compliance.leverage.History;
import io.leverwatch.compliance.leverage.RandomHistories;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * What the saga sends adds up: whatever order the events arrive in, applying the commands of every step leaves the
 * officers with exactly the alerts the complete history calls for.
 */
class AlertDiffProperties {

    @Property(tries = 300)
    void commandsOfAnyArrivalOrderLeaveTheSameVisibleAlerts(
            @ForAll("histories") List<Fact> history, @ForAll Random random) {
        Map<String, AlertDecision> inOrder = runSaga(RandomHistories.inBusinessOrder(history));
        Map<String, AlertDecision> anyOrder = runSaga(RandomHistories.arrivalOrder(history, random));

        assertThat(anyOrder).isEqualTo(inOrder);
        assertThat(inOrder).isEqualTo(AlertBook.byId(AlertDecider.decide(History.caseOf(history))));
    }

    @Property(tries = 100)
    void nothingIsSentWhenTheDecisionsDidNotChange(@ForAll("histories") List<Fact> history) {
        List<AlertDecision> decisions = AlertDecider.decide(History.caseOf(history));

        assertThat(AlertDiff.between(decisions, decisions)).isEmpty();
    }

    /** What the saga does, without Axon: after each new fact, decide again and send the difference. */
    private static Map<String, AlertDecision> runSaga(List<Fact> arrivals) {
        ContractCase contractCase = new ContractCase();
        AlertBook book = new AlertBook();
        List<AlertDecision> sent = List.of();
        for (Fact fact : arrivals) {
            if (contractCase.apply(fact)) {
                List<AlertDecision> decisions = AlertDecider.decide(contractCase);
                List<Object> commands = AlertDiff.between(sent, decisions);
                commands.forEach(command ->
                        Statistics.label("commands").collect(command.getClass().getSimpleName()));
                commands.forEach(book::apply);
                sent = decisions;
            }
        }
        return book.visible();
    }

    @Provide
    Arbitrary<List<Fact>> histories() {
        return RandomHistories.histories();
    }
}
