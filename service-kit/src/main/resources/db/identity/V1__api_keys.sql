-- Agency API keys, shared by the services. Only the SHA-256 of a key is stored.
create table api_key (
    key_id     varchar(64)  not null primary key,
    agency_id  varchar(128) not null,
    key_hash   char(64)     not null unique,
    label      varchar(200),
    created_at timestamptz  not null default now(),
    revoked_at timestamptz
);
create index api_key_agency on api_key (agency_id);
