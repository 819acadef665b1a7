package io.leverwatch.access.publish;

import io.leverwatch.kit.publish.MetaDataKeys;
import java.util.Map;

/** A stored access event kept back from publication until its account is attached to a contract. */
record HeldEvent(String eventId, String eventType, Object payload, Map<String, Object> metaData) {

    /** The agency whose key sent the event. */
    String agencyId() {
        Object agency = metaData.get(MetaDataKeys.AGENCY_ID);
        return agency == null ? null : agency.toString();
    }
}
