package io.leverwatch.compliance.security;

/** What a user of the compliance API may do. */
public enum Role {
    /** Works alerts: reads them and acknowledges, assigns, comments on and dismisses them. */
    OFFICER,
    /** Runs the platform: reads alerts, metrics and (later) replays; never acts on an alert. */
    OPERATOR,
    /** Reviews: reads everything, never acts. */
    AUDITOR
}
