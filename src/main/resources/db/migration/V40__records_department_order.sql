-- The department's records list (本部门信用记录) is ordered "accepted_at desc, id desc". A push accepts its rows with one
-- accepted_at per portion (about 5,000 rows), so an index of (department_code, accepted_at) left PostgreSQL to sort each
-- portion by id (an incremental sort): measured on 1,000,000 records of one department, the newest 20 took 8.1 ms and
-- 100 rows at page 40 took 47 ms. With id in the index the page is read off it in order: 0.18 ms and 14 ms.
-- Same number of indexes as before (the old one is replaced), 8 more bytes per entry.
drop index records_record_department;
create index records_record_department on records_record (department_code, accepted_at, id);
