-- Accounts registered by contract-service: the contract they are managed under and its agency.
create table known_account (
    account_id      varchar(128) primary key,
    contract_id     varchar(128) not null,
    agency_id       varchar(128) not null,
    held_in_name_of varchar(16)  not null,
    platform        varchar(32)  not null,
    label           varchar(500),
    learnt_at       timestamptz  not null default now()
);
create index known_account_contract on known_account (contract_id);
