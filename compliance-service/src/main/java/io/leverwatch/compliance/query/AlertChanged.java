package io.leverwatch.compliance.query;

/**
 * An alert's read model changed and the change is committed: published as a Spring application event, for the live
 * stream.
 */
public record AlertChanged(String alertId) {}
