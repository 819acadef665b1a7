package io.leverwatch.billing.creditnote;

import static io.leverwatch.kit.test.Rejections.rejectedFor;

import io.leverwatch.billing.creditnote.CreditNoteRejected.Reason;
import io.leverwatch.events.Money;
import io.leverwatch.events.billing.CreditNoteIssued;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CreditNoteTest {

    private static final String CREDIT_NOTE = "CN-2026-007";
    private static final String CONTRACT = "CTR-42";
    private static final Instant AT = Instant.parse("2026-03-12T10:00:00Z");
    private static final Money AMOUNT = Money.of("350.00", "EUR");

    private AggregateTestFixture<CreditNote> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CreditNote.class);
    }

    @Test
    void issuesCreditNoteOwedToTheClient() {
        fixture.givenNoPriorActivity()
                .when(new IssueCreditNote(CREDIT_NOTE, CONTRACT, AMOUNT, AT))
                .expectEvents(new CreditNoteIssued(CREDIT_NOTE, CONTRACT, AMOUNT, AT));
    }

    @Test
    void rejectsIssuingTheSameCreditNoteTwice() {
        fixture.given(new CreditNoteIssued(CREDIT_NOTE, CONTRACT, AMOUNT, AT))
                .when(new IssueCreditNote(CREDIT_NOTE, CONTRACT, AMOUNT, AT))
                .expectException(rejectedFor(Reason.ALREADY_ISSUED))
                .expectExceptionMessage("Credit note CN-2026-007 was already issued.")
                .expectNoEvents();
    }

    @Test
    void rejectsZeroAmount() {
        fixture.givenNoPriorActivity()
                .when(new IssueCreditNote(CREDIT_NOTE, CONTRACT, Money.of("0", "EUR"), AT))
                .expectException(rejectedFor(Reason.NON_POSITIVE_AMOUNT))
                .expectExceptionMessage("The amount of credit note CN-2026-007 must be more than zero, not 0 EUR.")
                .expectNoEvents();
    }

    @Test
    void rejectsNegativeAmount() {
        fixture.givenNoPriorActivity()
                .when(new IssueCreditNote(CREDIT_NOTE, CONTRACT, Money.of("-350.00", "EUR"), AT))
                .expectException(rejectedFor(Reason.NON_POSITIVE_AMOUNT))
                .expectNoEvents();
    }

    @Test
    void rejectsCurrencyThatIsNotAThreeLetterCode() {
        fixture.givenNoPriorActivity()
                .when(new IssueCreditNote(CREDIT_NOTE, CONTRACT, Money.of("350.00", "eur"), AT))
                .expectException(rejectedFor(Reason.INVALID_CURRENCY))
                .expectNoEvents();
    }

    @Test
    void rejectsCreditNoteWithoutContract() {
        fixture.givenNoPriorActivity()
                .when(new IssueCreditNote(CREDIT_NOTE, null, AMOUNT, AT))
                .expectException(rejectedFor(Reason.MISSING_FIELD))
                .expectExceptionMessage("The contract id is missing on credit note CN-2026-007.")
                .expectNoEvents();
    }

    @Test
    void rejectsCreditNoteWithoutBusinessTime() {
        fixture.givenNoPriorActivity()
                .when(new IssueCreditNote(CREDIT_NOTE, CONTRACT, AMOUNT, null))
                .expectException(rejectedFor(Reason.MISSING_FIELD))
                .expectNoEvents();
    }
}
