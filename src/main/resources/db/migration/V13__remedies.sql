-- remedies ----------------------------------------------------------------------------------------
-- Objections (异议, 征信业管理条例 第二十五条, PIPL 第四十六条): a person disputes one record, or one
-- field of it. The platform's staff screen it, the department that formed the record decides.
create table remedies_objection (
    id               bigserial    primary key,
    record_id        bigint       not null references records_record (id),
    record_version   integer      not null,
    subject_index    bytea        not null,
    department_code  varchar(32)  not null,
    item_code        varchar(64)  not null,
    field            varchar(64),            -- null: the record as a whole
    grounds          text         not null,
    requested_value  text,
    channel          varchar(10)  not null check (channel in ('ONLINE', 'WINDOW')),
    filed_by         varchar(100) not null,
    filed_at         timestamptz  not null,
    due_on           date         not null,  -- the last day of the period to answer, calendar days
    status           varchar(20)  not null check (status in
                         ('SCREENING', 'WITH_DEPARTMENT', 'UPHELD', 'CORRECTED', 'REVOKED', 'DISMISSED', 'WITHDRAWN')),
    screened_by      varchar(100),
    screened_at      timestamptz,
    decided_by       varchar(100),
    decided_at       timestamptz,
    decision_reason  text,
    corrected_value  text,
    escalated_at     timestamptz,
    late             boolean      not null default false
);
create index remedies_objection_subject on remedies_objection (subject_index, filed_at desc);
create index remedies_objection_department on remedies_objection (department_code, status, due_on);
create index remedies_objection_open on remedies_objection (due_on) where status in ('SCREENING', 'WITH_DEPARTMENT');
-- at most one open objection to a record: a second one waits for the first to be answered
create unique index remedies_objection_one_open on remedies_objection (record_id)
    where status in ('SCREENING', 'WITH_DEPARTMENT');

-- Credit repair (信用修复, NDRC Order 36, policy 十): the person asks, the deciding department decides.
create table remedies_repair (
    id               bigserial    primary key,
    record_id        bigint       not null references records_record (id),
    subject_index    bytea        not null,
    department_code  varchar(32)  not null,
    item_code        varchar(64)  not null,
    fulfilment       text         not null,  -- how the obligations were met (fine paid, correction made)
    local_ways       text,                   -- volunteer service or donation, where the person names them
    commitment       varchar(10)  not null check (commitment in ('ONLINE', 'SIGNED')),
    channel          varchar(10)  not null check (channel in ('ONLINE', 'WINDOW')),
    filed_by         varchar(100) not null,
    filed_at         timestamptz  not null,
    due_on           date         not null,  -- working days
    status           varchar(20)  not null check (status in ('OPEN', 'GRANTED', 'REFUSED', 'WITHDRAWN')),
    decided_by       varchar(100),
    decided_at       timestamptz,
    decision_reason  text,
    late             boolean      not null default false,
    escalated_at     timestamptz
);
create index remedies_repair_subject on remedies_repair (subject_index, filed_at desc);
create index remedies_repair_department on remedies_repair (department_code, status, due_on);
create unique index remedies_repair_one_open on remedies_repair (record_id) where status = 'OPEN';

-- Proof and grounds the person attaches: PDF, JPEG or PNG, checked by their first bytes.
create table remedies_attachment (
    id               bigserial    primary key,
    objection_id     bigint       references remedies_objection (id),
    repair_id        bigint       references remedies_repair (id),
    file_name        varchar(255) not null,
    media_type       varchar(40)  not null,
    size_bytes       integer      not null,
    sha256           char(64)     not null,
    content          bytea        not null,
    added_at         timestamptz  not null,
    check (num_nonnulls(objection_id, repair_id) = 1)
);
create index remedies_attachment_objection on remedies_attachment (objection_id) where objection_id is not null;
create index remedies_attachment_repair on remedies_attachment (repair_id) where repair_id is not null;
