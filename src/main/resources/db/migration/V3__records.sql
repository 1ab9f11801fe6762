-- records ------------------------------------------------------------------------------------
-- The personal public credit information database. A record names its subject by blind index
-- (and identity's subject id, for the few uses that need the number), never by the number.
create table records_record (
    id                  bigserial    primary key,
    subject_index       bytea        not null,
    subject_id          bigint       not null,
    item_code           varchar(40)  not null,
    catalog_version_id  bigint       not null,
    department_code     varchar(32)  not null,
    source_id           varchar(100) not null,
    decision_date       date         not null,
    document_number     varchar(100),
    content             jsonb        not null,
    content_hash        char(64)     not null,
    kind                varchar(20)  not null,
    severity            varchar(20),
    scope               varchar(20)  not null,
    min_period_end      date         not null,
    expires_on          date         not null,
    status              varchar(20)  not null check (status in ('ACTIVE', 'OBJECTED', 'REPAIRED', 'EXPIRED', 'REVOKED')),
    version             int          not null,
    batch_id            bigint,
    accepted_at         timestamptz  not null,
    updated_at          timestamptz  not null,
    unique (department_code, source_id)
);
create index records_record_subject on records_record (subject_index);
-- no index on expires_on: the nightly expiry job reads the table once a day, while every push would pay for one
create index records_record_department on records_record (department_code, accepted_at);
-- revoked records are few: a push that names one is found without scanning the table
create index records_record_revoked on records_record (department_code, source_id) where status = 'REVOKED';

-- The versions a correction replaced (the current version is the record itself).
create table records_record_version (
    record_id        bigint       not null references records_record (id),
    version          int          not null,
    subject_index    bytea        not null,
    item_code        varchar(40)  not null,
    decision_date    date         not null,
    document_number  varchar(100),
    content          jsonb        not null,
    content_hash     char(64)     not null,
    batch_id         bigint,
    recorded_at      timestamptz  not null,
    primary key (record_id, version)
);

-- Status changes other than versions: revocation, expiry, and later objection and repair.
create table records_status_change (
    id           bigserial    primary key,
    record_id    bigint       not null references records_record (id),
    from_status  varchar(20)  not null,
    to_status    varchar(20)  not null,
    reason       varchar(500) not null,
    actor        varchar(100) not null,
    changed_at   timestamptz  not null
);
create index records_status_change_record on records_status_change (record_id);

-- ingestion ----------------------------------------------------------------------------------
create table ingestion_batch (
    id               bigserial    primary key,
    department_code  varchar(32)  not null,
    submitted_by     varchar(100) not null,
    format           varchar(20)  not null,
    file_name        varchar(255),
    atomic           boolean      not null,
    status           varchar(20)  not null check (status in ('RECEIVED', 'PROCESSING', 'COMPLETED', 'REJECTED', 'FAILED')),
    total            int,
    processed        int          not null default 0,
    accepted         int          not null default 0,
    unchanged        int          not null default 0,
    corrected        int          not null default 0,
    rejected         int          not null default 0,
    failure          varchar(500),
    submitted_at     timestamptz  not null,
    last_activity_at timestamptz  not null,
    finished_at      timestamptz,
    timeliness_days  bigint       not null default 0,
    late_rows        int          not null default 0
);
create index ingestion_batch_department on ingestion_batch (department_code, submitted_at desc);

create table ingestion_rejection (
    batch_id  bigint       not null references ingestion_batch (id),
    row_no    bigint       not null,
    field     varchar(60),
    code      varchar(60)  not null,
    message   varchar(500) not null
);
create index ingestion_rejection_batch on ingestion_rejection (batch_id, row_no);
