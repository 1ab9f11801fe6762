-- Mutual credit query with other cities (module mutual, issue 18 item 4).

-- Another city's query is a use of the person's data: it goes into their query log under a kind of its own,
alter table inquiry_query drop constraint inquiry_query_kind_check;
alter table inquiry_query add constraint inquiry_query_kind_check
    check (kind in ('WINDOW', 'SELF', 'GOVERNMENT', 'API', 'STATUS', 'MEASURE', 'ARCHIVE', 'STUDENT_ARCHIVE', 'MUTUAL'));
-- with what was answered, in one line of Chinese (what crossed the region); null for the other kinds and for refusals.
alter table inquiry_query add column answer varchar(300);
