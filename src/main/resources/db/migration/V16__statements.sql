-- statements ---------------------------------------------------------------------------------------
-- The person's own statements (本人声明) about their records, now reviewed before they show and kept
-- with every version: one row per version. A version is PENDING (under the platform's review), then
-- PUBLISHED or REJECTED (with the ground and the reviewer's reason); the person may withdraw a PENDING
-- or PUBLISHED one (WITHDRAWN); a later version takes the place of an earlier one (SUPERSEDED). Only
-- PUBLISHED versions are shown beside the record.
create table statements_statement (
    id                bigserial    primary key,
    subject_index     bytea        not null,
    record_id         bigint       not null references records_record (id),
    version           integer      not null,
    text              varchar(500) not null,
    flags             varchar(100) not null default '',  -- the pre-check's flags, comma-separated (ID_NUMBER, MOBILE_NUMBER)
    status            varchar(12)  not null check (status in ('PENDING', 'PUBLISHED', 'REJECTED', 'WITHDRAWN', 'SUPERSEDED')),
    submitted_by      varchar(100) not null,
    submitted_at      timestamptz  not null,
    reviewed_by       varchar(100),
    reviewed_at       timestamptz,
    rejection_ground  varchar(30),
    rejection_reason  varchar(400),
    closed_at         timestamptz,             -- withdrawn or superseded
    constraint statements_statement_version unique (subject_index, record_id, version)
);
create unique index statements_statement_one_pending on statements_statement (subject_index, record_id) where status = 'PENDING';
create index statements_statement_queue on statements_statement (submitted_at, id) where status = 'PENDING';
create index statements_statement_published on statements_statement (record_id) where status = 'PUBLISHED';

-- The statements kept so far were shown as soon as they were written: they come in as PUBLISHED (the
-- withdrawn ones as WITHDRAWN), each one a version of the person's statement on its record, in the order
-- written, under their old numbers. Several statements on one record all stay shown until the person
-- writes the next version or withdraws.
insert into statements_statement (id, subject_index, record_id, version, text, status, submitted_by, submitted_at,
                                  reviewed_by, reviewed_at, closed_at)
select id, subject_index, record_id,
       row_number() over (partition by subject_index, record_id order by created_at, id),
       text, case when withdrawn_at is null then 'PUBLISHED' else 'WITHDRAWN' end,
       '本人', created_at, '审核制度实行前已公布', created_at, withdrawn_at
from inquiry_statement;
select setval(pg_get_serial_sequence('statements_statement', 'id'),
              greatest((select coalesce(max(id), 0) from statements_statement), 1),
              (select count(*) > 0 from statements_statement));

drop table inquiry_statement;
