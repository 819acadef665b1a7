package io.leverwatch.compliance.operator.history;

import io.leverwatch.events.Money;

/** An amount as the operator API shows it: a decimal string with its scale, like the public event contract. */
public record Amount(String amount, String currency) {

    public static Amount of(Money money) {
        return money == null ? null : new Amount(money.amount().toPlainString(), money.currency());
    }
}
