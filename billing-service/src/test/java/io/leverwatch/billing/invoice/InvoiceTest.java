package io.leverwatch.billing.invoice;

import static io.leverwatch.kit.test.Rejections.rejectedFor;

import io.leverwatch.billing.invoice.InvoiceRejected.Reason;
import io.leverwatch.events.Money;
import io.leverwatch.events.billing.FormalNoticeSent;
import io.leverwatch.events.billing.InvoiceCancelled;
import io.leverwatch.events.billing.InvoiceDisputed;
import io.leverwatch.events.billing.InvoiceIssued;
import io.leverwatch.events.billing.InvoiceOverdue;
import io.leverwatch.events.billing.OverdueCause;
import io.leverwatch.events.billing.PaymentReceived;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.Test;

class InvoiceTest {

    private static final String INVOICE = "INV-2026-001";
    private static final String CONTRACT = "CTR-42";
    private static final LocalDate ISSUED_ON = LocalDate.parse("2026-03-01");
    private static final LocalDate DUE_ON = LocalDate.parse("2026-03-31");
    private static final Instant ISSUED_AT = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant OVERDUE_FROM = Instant.parse("2026-04-01T00:00:00Z");
    /** The wall clock of most tests: after the invoice was issued, before its due date passed. */
    private static final Instant BEFORE_DUE = Instant.parse("2026-03-10T09:00:00Z");

    private static final Money AMOUNT = Money.of("1200.00", "EUR");

    private static TestExecutor<Invoice> givenWallClockAt(Instant now) {
        AggregateTestFixture<Invoice> fixture = new AggregateTestFixture<>(Invoice.class);
        fixture.registerInjectableResource(Clock.fixed(now, ZoneOffset.UTC));
        // The fixture's deadline manager keeps its own time: align it with the injected clock.
        return fixture.givenCurrentTime(now);
    }

    private static TestExecutor<Invoice> givenIssuedInvoice() {
        return givenWallClockAt(BEFORE_DUE).andGiven(issued());
    }

    private static IssueInvoice issue() {
        return new IssueInvoice(INVOICE, CONTRACT, AMOUNT, ISSUED_ON, DUE_ON, ISSUED_AT);
    }

    private static InvoiceIssued issued() {
        return new InvoiceIssued(INVOICE, CONTRACT, AMOUNT, ISSUED_ON, DUE_ON, ISSUED_AT);
    }

    private static RecordPayment pay(String amount, String at) {
        return new RecordPayment(INVOICE, Money.of(amount, "EUR"), Instant.parse(at));
    }

    private static PaymentReceived paid(String amount, String outstanding, String at) {
        return new PaymentReceived(
                INVOICE, CONTRACT, Money.of(amount, "EUR"), Money.of(outstanding, "EUR"), Instant.parse(at));
    }

    private static InvoiceOverdue overdueFromDueDate(String outstanding) {
        return new InvoiceOverdue(
                INVOICE, CONTRACT, Money.of(outstanding, "EUR"), OverdueCause.DUE_DATE_PASSED, OVERDUE_FROM);
    }

    @Test
    void issuesInvoiceAndSchedulesOverdueAtStartOfDayAfterDueDate() {
        givenWallClockAt(BEFORE_DUE)
                .when(issue())
                .expectEvents(issued())
                .expectScheduledDeadlineWithName(OVERDUE_FROM, Invoice.OVERDUE_DEADLINE);
    }

    @Test
    void marksInvoiceOverdueAtOnceAtStartOfDayAfterDueDateWhenDueDateAlreadyPassed() {
        givenWallClockAt(Instant.parse("2026-04-15T08:00:00Z"))
                .when(issue())
                .expectEvents(
                        issued(),
                        new InvoiceOverdue(
                                INVOICE,
                                CONTRACT,
                                AMOUNT,
                                OverdueCause.DUE_DATE_PASSED,
                                Instant.parse("2026-04-01T00:00:00Z")))
                .expectNoScheduledDeadlines();
    }

    @Test
    void countsDueDateAsPassedFromTheFirstInstantOfTheNextDay() {
        givenWallClockAt(OVERDUE_FROM)
                .when(issue())
                .expectEvents(issued(), overdueFromDueDate("1200.00"))
                .expectNoScheduledDeadlines();
    }

    @Test
    void acceptsInvoiceDueOnTheDayItIsIssued() {
        givenWallClockAt(Instant.parse("2026-03-01T12:00:00Z"))
                .when(new IssueInvoice(INVOICE, CONTRACT, AMOUNT, ISSUED_ON, ISSUED_ON, ISSUED_AT))
                .expectEvents(new InvoiceIssued(INVOICE, CONTRACT, AMOUNT, ISSUED_ON, ISSUED_ON, ISSUED_AT))
                .expectScheduledDeadlineWithName(Instant.parse("2026-03-02T00:00:00Z"), Invoice.OVERDUE_DEADLINE);
    }

    @Test
    void rejectsZeroAmount() {
        givenWallClockAt(BEFORE_DUE)
                .when(new IssueInvoice(INVOICE, CONTRACT, Money.of("0.00", "EUR"), ISSUED_ON, DUE_ON, ISSUED_AT))
                .expectException(rejectedFor(Reason.NON_POSITIVE_AMOUNT))
                .expectExceptionMessage("The amount on invoice INV-2026-001 must be more than zero, not 0.00 EUR.")
                .expectNoEvents();
    }

    @Test
    void rejectsNegativeAmount() {
        givenWallClockAt(BEFORE_DUE)
                .when(new IssueInvoice(INVOICE, CONTRACT, Money.of("-5", "EUR"), ISSUED_ON, DUE_ON, ISSUED_AT))
                .expectException(rejectedFor(Reason.NON_POSITIVE_AMOUNT))
                .expectNoEvents();
    }

    @Test
    void rejectsDueDateBeforeIssueDate() {
        givenWallClockAt(BEFORE_DUE)
                .when(new IssueInvoice(INVOICE, CONTRACT, AMOUNT, ISSUED_ON, LocalDate.parse("2026-02-28"), ISSUED_AT))
                .expectException(rejectedFor(Reason.DUE_BEFORE_ISSUE))
                .expectExceptionMessage(
                        "Invoice INV-2026-001 cannot be due on 2026-02-28, before it was issued on 2026-03-01.")
                .expectNoEvents();
    }

    @Test
    void rejectsCurrencyThatIsNotAThreeLetterCode() {
        givenWallClockAt(BEFORE_DUE)
                .when(new IssueInvoice(INVOICE, CONTRACT, Money.of("10", "EURO"), ISSUED_ON, DUE_ON, ISSUED_AT))
                .expectException(rejectedFor(Reason.INVALID_CURRENCY))
                .expectNoEvents();
    }

    @Test
    void rejectsInvoiceWithoutContract() {
        givenWallClockAt(BEFORE_DUE)
                .when(new IssueInvoice(INVOICE, " ", AMOUNT, ISSUED_ON, DUE_ON, ISSUED_AT))
                .expectException(rejectedFor(Reason.MISSING_FIELD))
                .expectExceptionMessage("The contract id is missing on invoice INV-2026-001.")
                .expectNoEvents();
    }

    @Test
    void rejectsInvoiceWithoutBusinessTime() {
        givenWallClockAt(BEFORE_DUE)
                .when(new IssueInvoice(INVOICE, CONTRACT, AMOUNT, ISSUED_ON, DUE_ON, null))
                .expectException(rejectedFor(Reason.MISSING_FIELD))
                .expectNoEvents();
    }

    @Test
    void rejectsIssuingTheSameInvoiceTwice() {
        givenIssuedInvoice()
                .when(issue())
                .expectException(rejectedFor(Reason.ALREADY_ISSUED))
                .expectExceptionMessage("Invoice INV-2026-001 was already issued.")
                .expectNoEvents();
    }

    @Test
    void marksUnpaidInvoiceOverdueWhenDueDatePasses() {
        givenWallClockAt(BEFORE_DUE)
                .andGivenCommands(issue())
                .whenTimeAdvancesTo(OVERDUE_FROM)
                .expectTriggeredDeadlinesWithName(Invoice.OVERDUE_DEADLINE)
                .expectEvents(overdueFromDueDate("1200.00"));
    }

    @Test
    void partlyPaidInvoiceBecomesOverdueForWhatIsStillOutstanding() {
        givenWallClockAt(BEFORE_DUE)
                .andGivenCommands(issue(), pay("200.50", "2026-03-20T14:00:00Z"))
                .whenTimeAdvancesTo(OVERDUE_FROM)
                .expectEvents(overdueFromDueDate("999.50"));
    }

    @Test
    void invoicePaidInFullBeforeDueDateNeverBecomesOverdue() {
        givenWallClockAt(BEFORE_DUE)
                .andGivenCommands(issue(), pay("1200.00", "2026-03-20T14:00:00Z"))
                .whenTimeAdvancesTo(OVERDUE_FROM.plusSeconds(86_400))
                .expectTriggeredDeadlinesWithName()
                .expectNoEvents();
    }

    @Test
    void cancelledInvoiceNeverBecomesOverdue() {
        givenWallClockAt(BEFORE_DUE)
                .andGivenCommands(
                        issue(), new CancelInvoice(INVOICE, "issued twice", Instant.parse("2026-03-05T09:00:00Z")))
                .whenTimeAdvancesTo(OVERDUE_FROM.plusSeconds(86_400))
                .expectTriggeredDeadlinesWithName()
                .expectNoEvents();
    }

    @Test
    void invoiceDeclaredOverdueByAgencyIsNotMarkedOverdueAgainWhenDueDatePasses() {
        givenWallClockAt(BEFORE_DUE)
                .andGivenCommands(issue(), new DeclareOverdue(INVOICE, Instant.parse("2026-03-25T00:00:00Z")))
                .whenTimeAdvancesTo(OVERDUE_FROM)
                .expectTriggeredDeadlinesWithName(Invoice.OVERDUE_DEADLINE)
                .expectNoEvents();
    }

    @Test
    void factDatedAfterDueDateMarksOverdueFirstWhenTheDeadlineHasNotFiredYet() {
        givenIssuedInvoice()
                .when(pay("200.00", "2026-04-03T10:00:00Z"))
                .expectEvents(overdueFromDueDate("1200.00"), paid("200.00", "1000.00", "2026-04-03T10:00:00Z"));
    }

    @Test
    void deadlineFiringAfterSuchALateFactAddsNothing() {
        givenWallClockAt(BEFORE_DUE)
                .andGivenCommands(issue(), pay("200.00", "2026-04-03T10:00:00Z"))
                .whenTimeAdvancesTo(OVERDUE_FROM)
                .expectTriggeredDeadlinesWithName(Invoice.OVERDUE_DEADLINE)
                .expectNoEvents();
    }

    @Test
    void partialPaymentLeavesTheExactOutstandingAmount() {
        givenIssuedInvoice()
                .when(pay("200.50", "2026-03-20T14:00:00Z"))
                .expectEvents(paid("200.50", "999.50", "2026-03-20T14:00:00Z"));
    }

    @Test
    void paymentsAddUpExactly() {
        givenIssuedInvoice()
                .andGiven(paid("0.10", "1199.90", "2026-03-20T14:00:00Z"))
                .when(pay("0.20", "2026-03-21T14:00:00Z"))
                .expectEvents(paid("0.20", "1199.70", "2026-03-21T14:00:00Z"));
    }

    @Test
    void paymentOfTheWholeOutstandingSettlesTheInvoiceAndCancelsItsDeadline() {
        givenWallClockAt(BEFORE_DUE)
                .andGivenCommands(issue(), pay("200.50", "2026-03-20T14:00:00Z"))
                .when(pay("999.50", "2026-03-25T14:00:00Z"))
                .expectEvents(paid("999.50", "0.00", "2026-03-25T14:00:00Z"))
                .expectNoScheduledDeadlines();
    }

    @Test
    void paymentAfterTheInvoiceBecameOverdueLeavesItOverdueWithoutAnotherOverdueEvent() {
        givenIssuedInvoice()
                .andGiven(overdueFromDueDate("1200.00"))
                .when(pay("200.00", "2026-04-10T10:00:00Z"))
                .expectEvents(paid("200.00", "1000.00", "2026-04-10T10:00:00Z"));
    }

    @Test
    void rejectsOverpayment() {
        givenIssuedInvoice()
                .andGiven(paid("200.50", "999.50", "2026-03-20T14:00:00Z"))
                .when(pay("1000.00", "2026-03-25T14:00:00Z"))
                .expectException(rejectedFor(Reason.OVERPAYMENT))
                .expectExceptionMessage(
                        "A payment of 1000.00 EUR is more than the 999.50 EUR still outstanding on invoice"
                                + " INV-2026-001.")
                .expectNoEvents();
    }

    @Test
    void rejectsPaymentInAnotherCurrency() {
        givenIssuedInvoice()
                .when(new RecordPayment(INVOICE, Money.of("100.00", "USD"), Instant.parse("2026-03-20T14:00:00Z")))
                .expectException(rejectedFor(Reason.CURRENCY_MISMATCH))
                .expectExceptionMessage(
                        "Invoice INV-2026-001 is in EUR; a payment in USD cannot be recorded against it.")
                .expectNoEvents();
    }

    @Test
    void rejectsZeroPayment() {
        givenIssuedInvoice()
                .when(pay("0", "2026-03-20T14:00:00Z"))
                .expectException(rejectedFor(Reason.NON_POSITIVE_AMOUNT))
                .expectNoEvents();
    }

    @Test
    void rejectsNegativePayment() {
        givenIssuedInvoice()
                .when(pay("-10.00", "2026-03-20T14:00:00Z"))
                .expectException(rejectedFor(Reason.NON_POSITIVE_AMOUNT))
                .expectNoEvents();
    }

    @Test
    void rejectsPaymentOnInvoicePaidInFull() {
        givenIssuedInvoice()
                .andGiven(paid("1200.00", "0.00", "2026-03-20T14:00:00Z"))
                .when(pay("1.00", "2026-03-25T14:00:00Z"))
                .expectException(rejectedFor(Reason.ALREADY_PAID))
                .expectNoEvents();
    }

    @Test
    void rejectsPaymentOnCancelledInvoice() {
        givenIssuedInvoice()
                .andGiven(new InvoiceCancelled(INVOICE, CONTRACT, "issued twice", ISSUED_AT))
                .when(pay("100.00", "2026-03-20T14:00:00Z"))
                .expectException(rejectedFor(Reason.CANCELLED))
                .expectNoEvents();
    }

    @Test
    void rejectsPaymentWithoutBusinessTime() {
        givenIssuedInvoice()
                .when(new RecordPayment(INVOICE, AMOUNT, null))
                .expectException(rejectedFor(Reason.MISSING_FIELD))
                .expectExceptionMessage("The business time is missing on invoice INV-2026-001.")
                .expectNoEvents();
    }

    @Test
    void agencyDeclarationMarksInvoiceOverdueFromTheDeclaredTime() {
        Instant declaredAt = Instant.parse("2026-03-25T00:00:00Z");
        givenIssuedInvoice()
                .when(new DeclareOverdue(INVOICE, declaredAt))
                .expectEvents(
                        new InvoiceOverdue(INVOICE, CONTRACT, AMOUNT, OverdueCause.DECLARED_BY_AGENCY, declaredAt));
    }

    @Test
    void declarationOnAnInvoiceAlreadyOverdueAddsNothing() {
        givenIssuedInvoice()
                .andGiven(overdueFromDueDate("1200.00"))
                .when(new DeclareOverdue(INVOICE, Instant.parse("2026-04-02T00:00:00Z")))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void earlierDeclarationArrivingAfterTheInvoiceBecameOverdueAddsNothing() {
        givenIssuedInvoice()
                .andGiven(overdueFromDueDate("1200.00"))
                .when(new DeclareOverdue(INVOICE, Instant.parse("2026-03-25T00:00:00Z")))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void declarationDatedAfterTheDueDatePassedRecordsOverdueFromTheDueDate() {
        givenIssuedInvoice()
                .when(new DeclareOverdue(INVOICE, Instant.parse("2026-04-05T00:00:00Z")))
                .expectEvents(overdueFromDueDate("1200.00"));
    }

    @Test
    void declarationOnAnInvoicePaidInFullAddsNothing() {
        givenIssuedInvoice()
                .andGiven(paid("1200.00", "0.00", "2026-03-20T14:00:00Z"))
                .when(new DeclareOverdue(INVOICE, Instant.parse("2026-03-25T00:00:00Z")))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void declarationOnACancelledInvoiceAddsNothing() {
        givenIssuedInvoice()
                .andGiven(new InvoiceCancelled(INVOICE, CONTRACT, "issued twice", ISSUED_AT))
                .when(new DeclareOverdue(INVOICE, Instant.parse("2026-03-25T00:00:00Z")))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void recordsTheClientsDispute() {
        Instant at = Instant.parse("2026-03-15T09:00:00Z");
        givenIssuedInvoice()
                .when(new DisputeInvoice(INVOICE, "work not delivered", at))
                .expectEvents(new InvoiceDisputed(INVOICE, CONTRACT, "work not delivered", at));
    }

    @Test
    void rejectsDisputeWithoutReason() {
        givenIssuedInvoice()
                .when(new DisputeInvoice(INVOICE, "", Instant.parse("2026-03-15T09:00:00Z")))
                .expectException(rejectedFor(Reason.MISSING_FIELD))
                .expectExceptionMessage("The reason for the dispute is missing on invoice INV-2026-001.")
                .expectNoEvents();
    }

    @Test
    void rejectsDisputeOfCancelledInvoice() {
        givenIssuedInvoice()
                .andGiven(new InvoiceCancelled(INVOICE, CONTRACT, "issued twice", ISSUED_AT))
                .when(new DisputeInvoice(INVOICE, "work not delivered", Instant.parse("2026-03-15T09:00:00Z")))
                .expectException(rejectedFor(Reason.CANCELLED))
                .expectNoEvents();
    }

    @Test
    void cancelsUnpaidInvoiceAndItsOverdueDeadline() {
        Instant at = Instant.parse("2026-03-05T09:00:00Z");
        givenWallClockAt(BEFORE_DUE)
                .andGivenCommands(issue())
                .when(new CancelInvoice(INVOICE, "issued twice", at))
                .expectEvents(new InvoiceCancelled(INVOICE, CONTRACT, "issued twice", at))
                .expectNoScheduledDeadlines();
    }

    @Test
    void cancelsOverdueInvoice() {
        Instant at = Instant.parse("2026-04-05T09:00:00Z");
        givenIssuedInvoice()
                .andGiven(overdueFromDueDate("1200.00"))
                .when(new CancelInvoice(INVOICE, "settled out of court", at))
                .expectEvents(new InvoiceCancelled(INVOICE, CONTRACT, "settled out of court", at));
    }

    @Test
    void rejectsCancellingInvoicePaidInFull() {
        givenIssuedInvoice()
                .andGiven(paid("1200.00", "0.00", "2026-03-20T14:00:00Z"))
                .when(new CancelInvoice(INVOICE, "issued twice", Instant.parse("2026-03-25T09:00:00Z")))
                .expectException(rejectedFor(Reason.ALREADY_PAID))
                .expectExceptionMessage("Invoice INV-2026-001 is paid in full: it can no longer be cancelled.")
                .expectNoEvents();
    }

    @Test
    void rejectsCancellingTwice() {
        givenIssuedInvoice()
                .andGiven(new InvoiceCancelled(INVOICE, CONTRACT, "issued twice", ISSUED_AT))
                .when(new CancelInvoice(INVOICE, "issued twice", Instant.parse("2026-03-25T09:00:00Z")))
                .expectException(rejectedFor(Reason.CANCELLED))
                .expectNoEvents();
    }

    @Test
    void rejectsCancellationWithoutReason() {
        givenIssuedInvoice()
                .when(new CancelInvoice(INVOICE, null, Instant.parse("2026-03-25T09:00:00Z")))
                .expectException(rejectedFor(Reason.MISSING_FIELD))
                .expectNoEvents();
    }

    @Test
    void recordsFormalNoticeOnOverdueInvoice() {
        Instant at = Instant.parse("2026-04-10T09:00:00Z");
        givenIssuedInvoice()
                .andGiven(overdueFromDueDate("1200.00"), paid("200.00", "1000.00", "2026-04-05T09:00:00Z"))
                .when(new RecordFormalNotice(INVOICE, at))
                .expectEvents(new FormalNoticeSent(INVOICE, CONTRACT, at));
    }

    @Test
    void rejectsFormalNoticeOnInvoicePaidInFull() {
        givenIssuedInvoice()
                .andGiven(paid("1200.00", "0.00", "2026-03-20T14:00:00Z"))
                .when(new RecordFormalNotice(INVOICE, Instant.parse("2026-04-10T09:00:00Z")))
                .expectException(rejectedFor(Reason.ALREADY_PAID))
                .expectNoEvents();
    }

    @Test
    void rejectsFormalNoticeOnCancelledInvoice() {
        givenIssuedInvoice()
                .andGiven(new InvoiceCancelled(INVOICE, CONTRACT, "issued twice", ISSUED_AT))
                .when(new RecordFormalNotice(INVOICE, Instant.parse("2026-04-10T09:00:00Z")))
                .expectException(rejectedFor(Reason.CANCELLED))
                .expectNoEvents();
    }
}
