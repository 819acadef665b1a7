package io.leverwatch.events;

/** Kafka topic names of the public contract (DESIGN.md §1). */
public final class Topics {

    public static final String INBOUND_CONTRACT = "leverwatch.inbound.contract";
    public static final String INBOUND_BILLING = "leverwatch.inbound.billing";
    public static final String INBOUND_ACCESS = "leverwatch.inbound.access";
    public static final String INBOUND_DLQ = "leverwatch.inbound.dlq";

    public static final String CONTRACT_EVENTS = "leverwatch.contract.events";
    public static final String BILLING_EVENTS = "leverwatch.billing.events";
    public static final String ACCESS_EVENTS = "leverwatch.access.events";

    /** Headers a dead-lettered record carries, beside its original headers. */
    public static final String DLQ_REASON_HEADER = "leverwatch-dlq-reason";

    public static final String DLQ_ERRORS_HEADER = "leverwatch-dlq-errors";
    public static final String DLQ_ORIGIN_TOPIC_HEADER = "leverwatch-dlq-origin-topic";
    public static final String DLQ_ORIGIN_PARTITION_HEADER = "leverwatch-dlq-origin-partition";
    public static final String DLQ_ORIGIN_OFFSET_HEADER = "leverwatch-dlq-origin-offset";

    /** CloudEvents extension attributes on outbound events: the agency's original event and the contract. */
    public static final String EXT_ORIGIN_ID = "originid";

    public static final String EXT_ORIGIN_SOURCE = "originsource";
    public static final String EXT_CONTRACT_ID = "contractid";
    public static final String EXT_AGENCY_ID = "agencyid";

    private Topics() {}
}
