-- The Alert aggregates' events among the inbox's: a few in a hundred rows of the event store. The alert view's
-- rebuild (replay) reads them by this index, in alert and sequence order, instead of scanning the whole store
-- three times; the statements name the type as a literal so that the planner can use this partial index.
create index domainevententry_alert_events on domainevententry (aggregateidentifier, sequencenumber)
    where type = 'Alert';
