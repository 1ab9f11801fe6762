-- Ingestion against its storage floor (issue 17): every index a push writes must be read by a query.
-- records_record_public_document (V30) was a trigram index over the published rows only; records_record_document_trgm
-- (V33) is a trigram index over every row, so it holds every entry of the first. With the first dropped, the 双公示
-- search by a part of a decision number (JdbcRecords.publicStatement, "document_number like '%…%'") reads the second
-- and filters the published rows from the few it finds: measured on about 750,000 published records, EXPLAIN ANALYZE gave a
-- bitmap index scan of records_record_document_trgm, 30 ms for '〕123456号' and 16 ms for '〕12345' (14 ms and 45 ms
-- with the partial index, on a loaded machine). Every record of a push paid for two trigram indexes of its number.
drop index if exists records_record_public_document;
