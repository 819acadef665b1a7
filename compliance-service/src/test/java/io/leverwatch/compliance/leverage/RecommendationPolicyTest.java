package io.leverwatch.compliance.leverage;

import static io.leverwatch.compliance.leverage.AlertRule.ACCESS_LEVERAGE_OVER_UNPAID_INVOICES;
import static io.leverwatch.compliance.leverage.AlertRule.ACCESS_WITHHELD_AFTER_TERMINATION;
import static io.leverwatch.compliance.leverage.History.day;
import static io.leverwatch.compliance.leverage.History.eur;
import static io.leverwatch.compliance.leverage.ProcedureCode.ASSIGNATION_AU_FOND;
import static io.leverwatch.compliance.leverage.ProcedureCode.COMPENSATION;
import static io.leverwatch.compliance.leverage.ProcedureCode.INJONCTION_DE_PAYER;
import static io.leverwatch.compliance.leverage.ProcedureCode.MISE_EN_DEMEURE;
import static io.leverwatch.compliance.leverage.ProcedureCode.REFERE_PROVISION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.leverwatch.events.Money;
import io.leverwatch.events.billing.CreditNoteIssued;
import io.leverwatch.events.contract.HeldInNameOf;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The recommendation matrix of DESIGN §3 against LEGAL.md. */
class RecommendationPolicyTest {

    private static final CreditNoteIssued CREDIT_NOTE =
            new CreditNoteIssued("CN-1", History.CONTRACT, eur("300.00"), day(3));

    @Test
    void leverageAlwaysCallsForRestoringAccessWithTheDisclaimer() {
        Recommendation recommendation = leverage(List.of());

        assertThat(recommendation.immediateAction()).isEqualTo(ImmediateAction.RESTORE_ACCESS);
        assertThat(recommendation.immediateActionWhy()).contains("CPC art. 873 al. 1", "CPCE art. L131-1");
        assertThat(recommendation.disclaimer())
                .isEqualTo("This recommendation is not legal advice: a lawyer should confirm it before any step is"
                        + " taken.");
        assertThat(recommendation.disclaimerFr()).contains("pas un conseil juridique", "avocat");
    }

    @Test
    void undisputedInvoiceWithoutFormalNoticeCallsForNoticeOrderForPaymentAndInterimPayment() {
        Recommendation recommendation = leverage(List.of(invoice("INV-1", "1200.00", false, false)));

        assertThat(codes(recommendation)).containsExactly(MISE_EN_DEMEURE, INJONCTION_DE_PAYER, REFERE_PROVISION);
        assertThat(recommendation.procedures().get(0).why()).contains("INV-1", "1200.00 EUR");
    }

    @Test
    void noFormalNoticeIsRecommendedOnceOneWasSentForEveryOverdueInvoice() {
        Recommendation recommendation = leverage(List.of(invoice("INV-1", "1200.00", false, true)));

        assertThat(codes(recommendation)).containsExactly(INJONCTION_DE_PAYER, REFERE_PROVISION);
    }

    @Test
    void disputedInvoiceCallsForASummonsOnTheMeritsInstead() {
        Recommendation recommendation = leverage(List.of(invoice("INV-2", "900.00", true, true)));

        assertThat(codes(recommendation)).containsExactly(ASSIGNATION_AU_FOND);
        assertThat(recommendation.procedures().get(0).why()).contains("INV-2");
    }

    @Test
    void disputedAndUndisputedInvoicesCallForBothRoutes() {
        Recommendation recommendation =
                leverage(List.of(invoice("INV-1", "100.00", false, true), invoice("INV-2", "900.00", true, false)));

        assertThat(codes(recommendation))
                .containsExactly(MISE_EN_DEMEURE, INJONCTION_DE_PAYER, REFERE_PROVISION, ASSIGNATION_AU_FOND);
        assertThat(recommendation.procedures().get(0).why()).contains("INV-2").doesNotContain("INV-1");
    }

    @Test
    void creditNoteOnTheContractCallsForSetOff() {
        Recommendation recommendation = RecommendationPolicy.recommend(
                ACCESS_LEVERAGE_OVER_UNPAID_INVOICES,
                List.of(invoice("INV-1", "1200.00", false, true)),
                List.of(CREDIT_NOTE));

        assertThat(codes(recommendation)).containsExactly(INJONCTION_DE_PAYER, REFERE_PROVISION, COMPENSATION);
        assertThat(recommendation.procedures().get(2).why()).contains("CN-1", "300.00 EUR");
    }

    @Test
    void invoicesNoLongerOverdueCallForNoRecoveryProcedure() {
        OverdueInvoice paid = new OverdueInvoice("INV-1", eur("0.00"), day(10), day(12), false, false);

        Recommendation recommendation = RecommendationPolicy.recommend(
                ACCESS_LEVERAGE_OVER_UNPAID_INVOICES, List.of(paid), List.of(CREDIT_NOTE));

        assertThat(recommendation.immediateAction()).isEqualTo(ImmediateAction.RESTORE_ACCESS);
        assertThat(recommendation.procedures()).isEmpty();
    }

    @Test
    void terminationCallsForHandingOverAccessAndNoProcedure() {
        Recommendation recommendation =
                RecommendationPolicy.recommend(ACCESS_WITHHELD_AFTER_TERMINATION, List.of(), List.of(CREDIT_NOTE));

        assertThat(recommendation.immediateAction()).isEqualTo(ImmediateAction.HAND_OVER_ACCESS);
        assertThat(recommendation.procedures()).isEmpty();
        assertThat(recommendation.disclaimer()).isEqualTo(RecommendationPolicy.DISCLAIMER);
    }

    @Test
    void everyProcedureCitesItsLegalBasisExactlyAsLegalMdDoes() {
        Recommendation recommendation = RecommendationPolicy.recommend(
                ACCESS_LEVERAGE_OVER_UNPAID_INVOICES,
                List.of(invoice("INV-1", "100.00", false, false), invoice("INV-2", "100.00", true, false)),
                List.of(CREDIT_NOTE));

        assertThat(recommendation.procedures())
                .extracting(Procedure::code, Procedure::name, Procedure::legalBasis)
                .containsExactly(
                        tuple(MISE_EN_DEMEURE, "Mise en demeure", "C. civ. art. 1344, 1344-1"),
                        tuple(INJONCTION_DE_PAYER, "Injonction de payer", "CPC art. 1405 to 1425"),
                        tuple(REFERE_PROVISION, "Référé-provision", "CPC art. 873 al. 2; CPC art. 853"),
                        tuple(ASSIGNATION_AU_FOND, "Assignation au fond", "CPC art. 854; C. com. art. L721-3, L110-4"),
                        tuple(COMPENSATION, "Compensation", "C. civ. art. 1347, 1347-1, 1348"));
        assertThat(recommendation.procedures())
                .allSatisfy(p -> assertThat(p.englishName()).isNotBlank());
        assertThat(RecommendationPolicy.FIXED_INDEMNITY_BASIS).isEqualTo("C. com. art. L441-10, D441-5");
    }

    @Test
    void interimPaymentMentionsTheLawyerAboveTenThousandEuros() {
        Recommendation recommendation = leverage(List.of(invoice("INV-1", "12000.00", false, true)));

        assertThat(recommendation.procedures())
                .filteredOn(p -> p.code() == REFERE_PROVISION)
                .singleElement()
                .satisfies(p -> assertThat(p.why()).contains("lawyer is compulsory (CPC art. 853)"));
    }

    @Test
    void fixedIndemnityIsFortyEurosPerOverdueInvoice() {
        assertThat(RecommendationPolicy.fixedIndemnity(List.of())).isEqualTo(eur("0.00"));
        assertThat(RecommendationPolicy.fixedIndemnity(List.of(invoice("INV-1", "10.00", false, false))))
                .isEqualTo(eur("40.00"));
        assertThat(RecommendationPolicy.fixedIndemnity(List.of(
                        invoice("INV-1", "10.00", false, false),
                        invoice("INV-2", "10.00", true, false),
                        new OverdueInvoice("INV-3", eur("0.00"), day(1), day(2), false, false))))
                .isEqualTo(eur("120.00"));
    }

    @Test
    void outstandingTotalDeductsPartialPayments() {
        History history = new History();
        history.contractRegistered(day(0));
        history.account("facebook", HeldInNameOf.CLIENT, day(0));
        history.invoiceIssued("INV-1", "1000.00", day(1));
        history.overdue("INV-1", "1000.00", day(10));
        history.payment("INV-1", "400.00", "600.00", day(11));
        history.invoiceIssued("INV-2", "250.00", day(2));
        history.overdue("INV-2", "250.00", day(11));
        history.payment("INV-2", "50.00", "200.00", day(13));
        history.lockedOut("facebook", day(12));

        AlertFacts facts =
                AlertDecider.decide(History.caseOf(history.facts())).get(0).facts();

        assertThat(facts.overdueInvoices())
                .extracting(OverdueInvoice::invoiceId, OverdueInvoice::outstanding)
                .containsExactly(tuple("INV-1", eur("600.00")), tuple("INV-2", eur("200.00")));
        assertThat(facts.outstandingTotal()).isEqualTo(eur("800.00"));
        assertThat(facts.fixedIndemnity()).isEqualTo(eur("80.00"));
    }

    @Test
    void neverAddsAmountsInDifferentCurrencies() {
        List<OverdueInvoice> invoices = List.of(
                invoice("INV-1", "100.00", false, false),
                new OverdueInvoice("INV-2", Money.of("70.00", "CHF"), day(10), null, false, false),
                invoice("INV-3", "20.00", false, false));

        assertThat(RecommendationPolicy.outstandingTotal(invoices)).isNull();
        assertThat(RecommendationPolicy.outstandingByCurrency(invoices))
                .containsExactly(Money.of("70.00", "CHF"), eur("120.00"));
    }

    private static Recommendation leverage(List<OverdueInvoice> invoices) {
        return RecommendationPolicy.recommend(ACCESS_LEVERAGE_OVER_UNPAID_INVOICES, invoices, List.of());
    }

    private static OverdueInvoice invoice(String id, String outstanding, boolean disputed, boolean formalNotice) {
        return new OverdueInvoice(id, eur(outstanding), day(10), null, disputed, formalNotice);
    }

    private static List<ProcedureCode> codes(Recommendation recommendation) {
        return recommendation.procedures().stream().map(Procedure::code).toList();
    }
}
