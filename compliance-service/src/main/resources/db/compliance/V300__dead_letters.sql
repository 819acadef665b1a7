-- Axon's sequenced dead-letter queue (JdbcSequencedDeadLetterQueue with its default DeadLetterSchema: the columns
-- of Axon's GenericDeadLetterTableFactory, serialized data as bytea, times as ISO-8601 text as Axon writes them).
-- One table for every processing group: the saga's (access-leverage-saga, sequenced per contract) and the alert
-- view's (alert-view, sequenced per alert). A letter is an event a handler failed on, or one parked behind it.
create table deadletterentry (
    deadletteridentifier varchar(255) not null,
    processinggroup      varchar(255) not null,
    sequenceidentifier   varchar(255) not null,
    sequenceindex        bigint       not null,
    messagetype          varchar(255) not null,
    eventidentifier      varchar(255) not null,
    timestamp            varchar(255) not null,
    payloadtype          varchar(255) not null,
    payloadrevision      varchar(255),
    payload              bytea        not null,
    metadata             bytea,
    type                 varchar(255),
    aggregateidentifier  varchar(255),
    sequencenumber       bigint,
    tokentype            varchar(255),
    token                bytea,
    enqueuedat           varchar(255) not null,
    lasttouched          varchar(255),
    processingstarted    varchar(255),
    causetype            varchar(255),
    -- Axon truncates a cause's message to 1024 characters, not to 255.
    causemessage         varchar(1024),
    diagnostics          bytea,
    primary key (deadletteridentifier),
    constraint deadletterentry_sequence_index unique (processinggroup, sequenceidentifier, sequenceindex)
);
create index deadletterentry_processing_group on deadletterentry (processinggroup);
create index deadletterentry_sequence on deadletterentry (processinggroup, sequenceidentifier);
