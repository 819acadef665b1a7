-- Domain events stored before their contract was known, published in id order once it is.
create table held_publication (
    id          bigserial    primary key,
    contract_id varchar(128) not null,
    event_id    varchar(255) not null unique,
    event_type  varchar(128) not null,
    payload     text         not null,
    metadata    text         not null,
    held_at     timestamptz  not null default now()
);
create index held_publication_contract on held_publication (contract_id, id);

-- Events that turned out to be about another agency's contract: never published.
create table quarantined_event (
    event_id         varchar(255) primary key,
    event_type       varchar(128) not null,
    contract_id      varchar(128) not null,
    sender_agency_id varchar(128) not null,
    owner_agency_id  varchar(128) not null,
    payload          text         not null,
    metadata         text         not null,
    quarantined_at   timestamptz  not null default now()
);
