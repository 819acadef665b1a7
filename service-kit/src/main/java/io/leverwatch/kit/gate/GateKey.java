package io.leverwatch.kit.gate;

/**
 * What the publication gate holds events for, locks on and checks ownership of: a contract, or (in
 * access-service) an account. Its text form {@code kind:id} names the advisory lock and the gate's rows.
 */
public record GateKey(String kind, String id) {

    public static GateKey contract(String contractId) {
        return new GateKey("contract", contractId);
    }

    @Override
    public String toString() {
        return kind + ":" + id;
    }
}
