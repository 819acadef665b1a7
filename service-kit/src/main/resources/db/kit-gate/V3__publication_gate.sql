-- The publication gate's tables, for the services that import it (io.leverwatch.kit.gate.PublicationHolding).
-- gate_key is what an event waits for and whose owner decides it: contract:<id>, or account:<id>.

-- Domain events stored before their gate key was registered, published in id order once it is.
create table held_publication (
    id         bigserial    primary key,
    gate_key   varchar(160) not null,
    event_id   varchar(255) not null unique,
    event_type varchar(128) not null,
    payload    text         not null,
    metadata   text         not null,
    held_at    timestamptz  not null default now()
);
create index held_publication_gate_key on held_publication (gate_key, id);

-- Events that turned out to be another agency's: never published.
create table quarantined_event (
    event_id         varchar(255) primary key,
    event_type       varchar(128) not null,
    gate_key         varchar(160) not null,
    contract_id      varchar(128) not null,
    sender_agency_id varchar(128) not null,
    owner_agency_id  varchar(128) not null,
    payload          text         not null,
    metadata         text         not null,
    quarantined_at   timestamptz  not null default now()
);
