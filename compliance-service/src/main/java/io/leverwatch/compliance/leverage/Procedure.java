package io.leverwatch.compliance.leverage;

/**
 * One recommended recovery procedure.
 *
 * @param name the procedure's French name
 * @param legalBasis the articles it rests on, as LEGAL.md cites them
 * @param why why it fits this case, built from the facts
 */
public record Procedure(ProcedureCode code, String name, String englishName, String legalBasis, String why) {

    static Procedure of(ProcedureCode code, String why) {
        return new Procedure(code, code.frenchName(), code.englishName(), code.legalBasis(), why);
    }
}
