-- The inbox's index and chain name each stored event by its global index (the primary key of inbox_index, unique in
-- inbox_chain) and repeat its event id, which is unique where the event is stored (domainevententry). A unique key
-- on that copy refused nothing the store's key had not refused first, and no statement looks either table up by event
-- id; every append paid two insertions into these random-keyed indexes, under the chain's lock. The integrity check
-- (GET /api/admin/integrity) still compares each link's event id with the stored event's.
alter table inbox_index drop constraint inbox_index_event_id_key;
alter table inbox_chain drop constraint inbox_chain_event_id_key;
