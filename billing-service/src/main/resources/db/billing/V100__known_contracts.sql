-- Contracts learnt from leverwatch.contract.events, and the agency that owns each.
create table known_contract (
    contract_id varchar(128) primary key,
    agency_id   varchar(128) not null,
    learnt_at   timestamptz  not null default now()
);

-- The contract and issuing agency of each invoice, for events that name only the invoice.
create table invoice_directory (
    invoice_id  varchar(128) primary key,
    contract_id varchar(128) not null,
    agency_id   varchar(128)
);
