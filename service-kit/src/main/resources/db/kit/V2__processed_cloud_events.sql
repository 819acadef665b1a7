-- Every accepted inbound CloudEvent, for de-duplication on (agency, source, id).
create table processed_cloud_event (
    agency_id     varchar(128) not null,
    source        varchar(512) not null,
    id            varchar(512) not null,
    type          varchar(128) not null,
    business_time timestamptz  not null,
    transport     varchar(16)  not null,
    received_at   timestamptz  not null default now(),
    primary key (agency_id, source, id)
);
