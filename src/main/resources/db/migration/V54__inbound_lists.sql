-- Issue 18 item 2: an upstream platform's list imported as a batch of that platform; a row saying that the entry
-- ended revokes the record held under its source id. The batch counts those rows.
alter table ingestion_batch add column ended int not null default 0;
