package io.leverwatch.kit.publish;

import java.util.List;

/** Axon metadata every command from ingestion carries, and every event it causes inherits. */
public final class MetaDataKeys {

    /** The agency's CloudEvent id, source and type. */
    public static final String CE_ID = "ceId";

    public static final String CE_SOURCE = "ceSource";
    public static final String CE_TYPE = "ceType";
    /** The agency whose key sent it. */
    public static final String AGENCY_ID = "agencyId";

    public static final List<String> ALL = List.of(CE_ID, CE_SOURCE, CE_TYPE, AGENCY_ID);

    private MetaDataKeys() {}
}
