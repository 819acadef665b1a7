-- The alert read model, built by the alert-view processor from the Alert aggregate's events.
-- last_sequence is the aggregate sequence number of the last event applied: an event at or below it is a
-- redelivery or a replay and changes nothing.
create table alert_view (
    alert_id                varchar(64)  primary key,
    contract_id             varchar(128) not null,
    agency_id               varchar(128),
    client_id               varchar(128),
    rule                    varchar(64)  not null,
    severity                varchar(16)  not null,
    -- Severity as a number (MEDIUM 0, HIGH 1, CRITICAL 2), so that the most severe sort first.
    severity_rank           smallint     not null,
    status                  varchar(16)  not null,
    -- Whether an officer ever acknowledged it: a reopened alert goes back to ACKNOWLEDGED, not OPEN.
    acknowledged            boolean      not null default false,
    raised_at               timestamptz  not null,
    resolved_at             timestamptz,
    episode_first_event_id  varchar(255) not null,
    accounts                jsonb        not null,
    overdue_invoices        jsonb        not null,
    outstanding_total       jsonb,
    outstanding_by_currency jsonb        not null,
    fixed_indemnity         jsonb        not null,
    recommendation          jsonb        not null,
    evidence                jsonb        not null,
    assignee                varchar(128),
    assigned_by             varchar(128),
    assigned_at             timestamptz,
    acknowledged_by         varchar(128),
    acknowledged_at         timestamptz,
    dismissed_by            varchar(128),
    dismissed_at            timestamptz,
    dismissal_justification text,
    retraction_reason       text,
    superseded_by           varchar(64),
    first_recorded_at       timestamptz  not null,
    last_changed_at         timestamptz  not null,
    last_sequence           bigint       not null
);
-- The dashboard's listings: most severe first, then newest, optionally by status, contract or agency.
create index alert_view_listing on alert_view (severity_rank desc, raised_at desc, alert_id);
create index alert_view_by_status on alert_view (status, severity_rank desc, raised_at desc);
create index alert_view_by_contract on alert_view (contract_id);
create index alert_view_by_agency on alert_view (agency_id, status);

-- Every event of every alert, system changes and officer actions alike: the alert's audit trail.
create table alert_history (
    alert_id    varchar(64)  not null,
    sequence    bigint       not null,
    event_id    varchar(255) not null,
    what        varchar(32)  not null,
    actor       varchar(128) not null,
    actor_kind  varchar(16)  not null,
    happened_at timestamptz  not null,
    summary     text         not null,
    details     jsonb        not null,
    primary key (alert_id, sequence)
);
