package io.leverwatch.compliance.inbox;

import io.leverwatch.compliance.alert.AccessLeverageSaga;

/**
 * The metadata of every event in the inbox. Values are strings (instants in ISO-8601), so that they read back the
 * same whatever the serializer.
 */
public final class InboxMetaData {

    /** The system the fact comes from: the agency's own source when known, else the publishing service. */
    public static final String SOURCE = AccessLeverageSaga.SOURCE_METADATA;

    /** The CloudEvents type, e.g. {@code leverwatch.access.request-refused}. */
    public static final String CE_TYPE = "ceType";

    /** The contract the event belongs to; processors order events by it. */
    public static final String CONTRACT_ID = "contractId";

    /** When it happened in the business (the CloudEvent's {@code time}, the record's {@code occurredAt}). */
    public static final String BUSINESS_TIME = "businessTime";

    /** When compliance learned it, from the injected clock: what "as known at" queries read. */
    public static final String RECEIVED_AT = "receivedAt";

    /** The agency's original CloudEvent id, when the fact came from an agency (absent for facts a service derived). */
    public static final String ORIGIN_ID = "originId";

    /** The agency that owns the contract, as the publishing service recorded it. */
    public static final String AGENCY_ID = "agencyId";

    /** The service that published it, e.g. {@code urn:leverwatch:access-service}. */
    public static final String PUBLISHED_BY = "publishedBy";

    private InboxMetaData() {}
}
