-- Complaints and reports (投诉与举报): a person complains about the use of their data or a credit agency, or
-- reports somebody else's serious dishonesty. The text is stored with every ID-shaped run masked; the
-- complainant is kept by their blind index and masked number only. department_code null means the platform
-- administrator's own queue.
create table complaints_complaint (
    id              bigserial primary key,
    subject_index   bytea       not null,
    masked_id       text        not null,
    kind            text        not null,
    channel         text        not null,
    text            text        not null,
    query_id        bigint,
    query_summary   text,
    department_code text,
    status          text        not null,
    filed_at        timestamptz not null,
    filed_by        text        not null,
    ack_due         date        not null,
    reply_due       date        not null,
    acknowledged_at timestamptz,
    answered_at     timestamptz,
    answered_on     date,
    reply           text
);

create index complaints_complaint_subject on complaints_complaint (subject_index, filed_at desc);
create index complaints_complaint_department on complaints_complaint (department_code);
