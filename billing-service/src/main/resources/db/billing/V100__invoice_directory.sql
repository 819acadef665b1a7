-- The contract and issuing agency of each invoice, for events that name only the invoice.
create table invoice_directory (
    invoice_id  varchar(128) primary key,
    contract_id varchar(128) not null,
    agency_id   varchar(128)
);
