-- Key-group and student archives (module archives, policy 七 and 四).

-- Opening a person's archive is a use of their data: it goes into their query log under two new kinds.
alter table inquiry_query drop constraint inquiry_query_kind_check;
alter table inquiry_query add constraint inquiry_query_kind_check
    check (kind in ('WINDOW', 'SELF', 'GOVERNMENT', 'API', 'STATUS', 'MEASURE', 'ARCHIVE', 'STUDENT_ARCHIVE'));

-- The members of an archive: the records in force of a few items, grouped by person (Records.holders).
create index records_record_item_subject on records_record (item_code, subject_id, decision_date)
    where status in ('ACTIVE', 'OBJECTED', 'SUSPENDED');
