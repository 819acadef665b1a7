package io.leverwatch.compliance.operator.replay;

import static io.leverwatch.compliance.leverage.History.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.messageWithPayload;
import static org.hamcrest.Matchers.instanceOf;

import io.leverwatch.compliance.alert.Alert;
import io.leverwatch.compliance.alert.AlertEscalated;
import io.leverwatch.compliance.alert.AlertFactsUpdated;
import io.leverwatch.compliance.alert.AlertRaised;
import io.leverwatch.compliance.alert.EscalateAlert;
import io.leverwatch.compliance.alert.RaiseAlert;
import io.leverwatch.compliance.alert.RetractAlert;
import io.leverwatch.compliance.alert.UpdateAlertFacts;
import io.leverwatch.compliance.leverage.AlertDecider;
import io.leverwatch.compliance.leverage.AlertDecision;
import io.leverwatch.compliance.leverage.History;
import io.leverwatch.compliance.leverage.Severity;
import io.leverwatch.events.access.RefusalReason;
import io.leverwatch.events.contract.HeldInNameOf;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A replay's commands change an Alert aggregate only where it differs from what the facts call for. */
class AlertReconciliationTest {

    private FixtureConfiguration<Alert> fixture;
    private AlertDecision high;
    private AlertDecision critical;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Alert.class);
        fixture.registerInjectableResource(Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC));
        History history = new History();
        history.contractRegistered(day(0));
        history.account("facebook", HeldInNameOf.CLIENT, day(0));
        history.invoiceIssued("INV-1", "1200.00", day(1));
        history.overdue("INV-1", "1200.00", day(10));
        history.lockedOut("facebook", day(12));
        high = AlertDecider.decide(History.caseOf(history.facts())).get(0);
        history.refused("facebook", RefusalReason.PAYMENT_PENDING, day(13));
        critical = AlertDecider.decide(History.caseOf(history.facts())).get(0);
    }

    @Test
    void anAlertThatAgreesWithTheFactsGetsNoEvent() {
        List<Object> commands = AlertReconciliation.commands(List.of(critical), List.of(), List.of());

        assertThat(commands).first().isInstanceOf(RaiseAlert.class);
        for (Object command : commands) {
            fixture.given(new AlertRaised(critical.alertId(), critical))
                    .when(command)
                    .expectNoEvents();
        }
    }

    @Test
    void anAlertBehindTheFactsGetsOnlyWhatChanged() {
        assertThat(high.severity()).isEqualTo(Severity.HIGH);
        assertThat(critical.alertId()).isEqualTo(high.alertId());
        String id = critical.alertId();

        for (Object command : AlertReconciliation.commands(List.of(critical), List.of(high), List.of())) {
            var result = fixture.given(new AlertRaised(id, high)).when(command);
            if (command instanceof EscalateAlert) {
                result.expectEvents(new AlertEscalated(id, Severity.HIGH, Severity.CRITICAL));
            } else if (command instanceof UpdateAlertFacts) {
                result.expectEventsMatching(
                        exactSequenceOf(messageWithPayload(instanceOf(AlertFactsUpdated.class)), andNoMore()));
            } else {
                result.expectNoEvents();
            }
        }
    }

    @Test
    void anAlertTheFactsNoLongerCallForIsRetracted() {
        AlertDecision stub = AlertReconciliation.known("alert-old", History.CONTRACT, "evt-gone");

        assertThat(AlertReconciliation.commands(List.of(), List.of(), List.of(stub)))
                .singleElement()
                .isInstanceOfSatisfying(RetractAlert.class, retract -> {
                    assertThat(retract.alertId()).isEqualTo("alert-old");
                    assertThat(retract.supersededBy()).isNull();
                });
    }
}
