-- Contracts learnt from leverwatch.contract.events, and the agency that owns each, for the services that
-- import io.leverwatch.kit.contracts.ContractEventsConsumption.
create table known_contract (
    contract_id varchar(128) primary key,
    agency_id   varchar(128) not null,
    learnt_at   timestamptz  not null default now()
);
