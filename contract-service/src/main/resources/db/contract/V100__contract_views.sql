create table contract_view (
    contract_id              varchar(128) primary key,
    agency_id                varchar(128) not null,
    agency_name              varchar(500) not null,
    client_id                varchar(128) not null,
    client_name              varchar(500) not null,
    scope                    varchar(2000) not null,
    start_date               date         not null,
    status                   varchar(16)  not null,
    terminated_by            varchar(16),
    termination_effective_at timestamptz,
    termination_reason       varchar(2000),
    registered_at            timestamptz  not null
);

create table account_view (
    account_id      varchar(128) not null,
    contract_id     varchar(128) not null references contract_view (contract_id),
    platform        varchar(32)  not null,
    label           varchar(500) not null,
    held_in_name_of varchar(16)  not null,
    registered_at   timestamptz  not null,
    primary key (contract_id, account_id)
);

create table critical_period_view (
    id          bigserial primary key,
    contract_id varchar(128) not null references contract_view (contract_id),
    starts_at   timestamptz  not null,
    ends_at     timestamptz  not null,
    description varchar(2000) not null
);
create index critical_period_view_contract on critical_period_view (contract_id);
