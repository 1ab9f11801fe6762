-- The public portal (信用岳阳): the 双公示 list reads the public licensing and penalty decisions newest first,
-- the 严重失信主体名单公示 the entries in force. Partial indexes with the predicates the statements write as
-- literals (JdbcRecords.PUBLISHED, JdbcSeriousDishonestyList.IN_FORCE), so that neither reads the whole table.
create index records_record_public on records_record (decision_date desc, id desc)
    where scope = 'PUBLIC' and kind in ('BASIC', 'DISHONESTY') and status in ('ACTIVE', 'OBJECTED', 'SUSPENDED');
create index records_record_public_department on records_record (department_code, decision_date desc)
    where scope = 'PUBLIC' and kind in ('BASIC', 'DISHONESTY') and status in ('ACTIVE', 'OBJECTED', 'SUSPENDED');
create index lists_entry_in_force on lists_entry (decided_at desc, id desc) where status = 'ACTIVE';
