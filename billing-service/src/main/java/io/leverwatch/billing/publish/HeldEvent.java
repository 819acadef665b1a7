package io.leverwatch.billing.publish;

import io.leverwatch.kit.publish.MetaDataKeys;
import java.util.Map;

/** A stored domain event kept back from publication, as it will be published when released. */
record HeldEvent(String eventId, String eventType, Object payload, Map<String, Object> metaData) {

    /** The agency whose key caused the event; null for an event the service raised on its own. */
    String agencyId() {
        Object agency = metaData.get(MetaDataKeys.AGENCY_ID);
        return agency == null ? null : agency.toString();
    }
}
