-- records -----------------------------------------------------------------------------------------
-- The subject index now carries the facts the evaluation counts, so a recomputation of everybody
-- reads the index alone (an index-only scan in subject order) instead of the whole table.
create index records_record_subject_facts on records_record (subject_index)
    include (item_code, kind, severity, status, expires_on);
drop index records_record_subject;

-- What a record contributes to a person's evaluation: the records module's published read model for
-- set-based use (the evaluation's full recomputation). A plain view, so it costs nothing.
create view records_fact as
    select subject_index, item_code, kind, severity, status, expires_on from records_record;

-- evaluation --------------------------------------------------------------------------------------
-- Room on each page for the next version of a score: updates stay on the page (HOT) and leave the
-- primary key alone.
alter table evaluation_score set (fillfactor = 80);
