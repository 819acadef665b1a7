package io.leverwatch.compliance.alert;

import io.leverwatch.compliance.leverage.Evidence;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** Every locked account of the episode was restored at {@code resolvedAt}, by the restoring events. */
@Revision("1")
public record AlertResolved(String alertId, Instant resolvedAt, List<Evidence> restoringEvidence) {}
