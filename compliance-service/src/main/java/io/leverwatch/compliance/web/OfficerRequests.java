package io.leverwatch.compliance.web;

/** The bodies of the officer actions; a missing body or field is refused by the Alert aggregate (422). */
final class OfficerRequests {

    /** {@code POST /api/alerts/{id}/assign}: {@code {"assignee": "bob"}}. */
    record Assign(String assignee) {}

    /** {@code POST /api/alerts/{id}/comment}: {@code {"text": "..."}}. */
    record Comment(String text) {}

    /** {@code POST /api/alerts/{id}/dismiss}: {@code {"justification": "..."}}, required. */
    record Dismiss(String justification) {}

    private OfficerRequests() {}
}
