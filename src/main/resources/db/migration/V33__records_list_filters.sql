-- The department's records list (本部门信用记录, issue 16): a filter bar, numbered pages with a total, sorting by
-- 入库时间 or 决定日期, an export. Every query of the list is "where department_code = :d [and filters]", with a
-- count(*) and "order by accepted_at|decision_date, id limit/offset". Already there and used as they are:
--   records_record_department (department_code, accepted_at)       the unfiltered list, newest first (the default)
--   records_record_subject_facts (subject_index) include (...)     the filter by ID number or name (blind indexes)
-- The public indexes of V26/V30 are partial (published rows only) and cannot serve a department's own list.

-- Sorting by 决定日期 and the decision date range: the page is read off the index in order, and the count of a
-- range is an index-only scan of that range.
create index records_record_department_decision on records_record (department_code, decision_date, id);

-- The filter by 信息项 (catalog item), newest accepted first, and its count.
create index records_record_department_item on records_record (department_code, item_code, accepted_at);

-- The filter by 状态 and its count. A status as shown also reads the period ("status = 'ACTIVE' and expires_on >
-- today", "or ... expires_on <= today" for 已过公开期限), so the count is an index-only range scan of this index
-- (measured on 1,000,000 records of one department: without expires_on in it, a sequential scan of 2.3 s). A rare
-- status (已撤销) is read from it and sorted; a common one (有效) is read newest first from records_record_department.
create index records_record_department_status on records_record (department_code, status, expires_on);

-- The filter by a part of the 文书号 ("like '%…%'", escaped): a trigram index over all rows, published or not
-- (V30's covers published rows only). Fast update keeps a push's cost low; the pending list is merged by vacuum.
do $$
declare
    trgm_schema name := (select n.nspname from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm');
begin
    execute format('create index records_record_document_trgm on records_record using gin (document_number %I.gin_trgm_ops)',
        trgm_schema);
end
$$;

-- The filter by name: the population register is searched by the name's blind index (identity's
-- PopulationRegister.subjectsNamed), which had no index (only the subject id was looked up so far).
create index identity_resident_name on identity_resident (name_index);
