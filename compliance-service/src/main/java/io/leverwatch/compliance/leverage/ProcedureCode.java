package io.leverwatch.compliance.leverage;

/**
 * The lawful routes to recover an unpaid invoice, with their French names, English explanations and legal bases
 * exactly as LEGAL.md cites them.
 */
public enum ProcedureCode {
    MISE_EN_DEMEURE("Mise en demeure", "Formal notice to pay", "C. civ. art. 1344, 1344-1"),
    INJONCTION_DE_PAYER(
            "Injonction de payer",
            "Order for payment, on request to the president of the commercial court",
            "CPC art. 1405 to 1425"),
    REFERE_PROVISION(
            "Référé-provision", "Summary proceedings for an interim payment", "CPC art. 873 al. 2; CPC art. 853"),
    ASSIGNATION_AU_FOND(
            "Assignation au fond",
            "Summons on the merits before the commercial court",
            "CPC art. 854; C. com. art. L721-3, L110-4"),
    COMPENSATION("Compensation", "Set-off of reciprocal debts", "C. civ. art. 1347, 1347-1, 1348");

    private final String frenchName;
    private final String englishName;
    private final String legalBasis;

    ProcedureCode(String frenchName, String englishName, String legalBasis) {
        this.frenchName = frenchName;
        this.englishName = englishName;
        this.legalBasis = legalBasis;
    }

    public String frenchName() {
        return frenchName;
    }

    public String englishName() {
        return englishName;
    }

    public String legalBasis() {
        return legalBasis;
    }
}
