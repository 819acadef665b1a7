-- The operators' view of the inbox (compliance.operator), written in the transaction of each append
-- (Inbox.InboxLedger), so that it never misses a stored event nor names one that is not stored.

-- Which inbox events are about which contract, and when: the case timeline, the as-of state, the evidence
-- bundle and the replay read a contract's events through this index, never by scanning the event store.
create table inbox_index (
    global_index  bigint       primary key, -- domainevententry.globalindex
    event_id      varchar(255) not null unique,
    contract_id   varchar(255) not null,
    type          varchar(255) not null,
    source        text,
    business_time timestamptz  not null,
    received_at   timestamptz  not null
);
create index inbox_index_by_contract on inbox_index (contract_id, business_time, event_id);

-- The hash chain over the inbox, in the order of the appends: link n is
--   hash_n = SHA-256(hash_{n-1} || row_digest_n), hash_0 = 32 zero bytes,
-- where row_digest_n is the SHA-256 of the stored domainevententry row (compliance.operator.ledger.StoredEvent).
-- GET /api/admin/integrity recomputes both and names the first link that no longer holds.
create table inbox_chain (
    position     bigint       primary key,
    global_index bigint       not null unique,
    event_id     varchar(255) not null unique,
    row_digest   bytea        not null,
    hash         bytea        not null
);

-- The chain's last link. Every append locks this one row first, so that links are made one at a time.
create table inbox_chain_head (
    id       smallint primary key check (id = 1),
    position bigint   not null,
    hash     bytea    not null
);
insert into inbox_chain_head (id, position, hash) values (1, 0, decode(repeat('00', 32), 'hex'));
