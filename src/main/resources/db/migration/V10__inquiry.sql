-- inquiry -----------------------------------------------------------------------------------------
-- Authorizations a person gave (online, or on paper attested by a window clerk).
create table inquiry_authorization (
    id                bigserial    primary key,
    subject_index     bytea        not null,
    grantee_name      varchar(200) not null,
    grantee_code      varchar(64),
    purpose           varchar(200) not null,
    scope             varchar(20)  not null check (scope in ('PUBLIC', 'AUTHORIZED')),
    valid_until       date         not null,
    channel           varchar(10)  not null check (channel in ('ONLINE', 'PAPER')),
    scan_sha256       char(64),
    scan_name         varchar(255),
    scan              bytea,
    attested_by       varchar(100),
    attested_department varchar(32),
    granted_at        timestamptz  not null,
    withdrawn_at      timestamptz,
    withdraw_reason   varchar(500)
);
create index inquiry_authorization_subject on inquiry_authorization (subject_index, granted_at desc);

-- Every query, allowed or refused: the query log the person reads and the auditor reviews.
create table inquiry_query (
    id                bigserial    primary key,
    subject_index     bytea        not null,
    masked_id         varchar(40)  not null,
    kind              varchar(20)  not null check (kind in ('WINDOW', 'SELF', 'GOVERNMENT', 'API')),
    organization      varchar(200) not null,
    department_code   varchar(32),
    actor             varchar(100) not null,
    purpose           varchar(200) not null,
    authorization_id  bigint,       -- as presented: a refused query may name one that does not exist
    refused           boolean      not null,
    refusal_code      varchar(60),
    report_number     varchar(40),
    queried_at        timestamptz  not null
);
create index inquiry_query_subject on inquiry_query (subject_index, queried_at desc);
create index inquiry_query_actor on inquiry_query (actor, queried_at);
create index inquiry_query_time on inquiry_query (queried_at);

-- Every report issued: what the verification page compares against.
create table inquiry_report (
    report_number     varchar(40)  primary key,
    verification_code varchar(20)  not null unique,
    issued_at         timestamptz  not null,
    valid_until       date         not null,
    subject_index     bytea        not null,
    masked_id         varchar(40)  not null,
    scope             varchar(20)  not null,
    content_sha256    char(64)     not null,
    pdf_sha256        char(64),
    query_id          bigint       not null references inquiry_query (id),
    content           jsonb        not null
);

-- The person's own statements (本人声明) about a record, printed beside it in every report.
create table inquiry_statement (
    id             bigserial    primary key,
    subject_index  bytea        not null,
    record_id      bigint       not null,
    text           varchar(500) not null,
    created_at     timestamptz  not null,
    withdrawn_at   timestamptz
);
create index inquiry_statement_subject on inquiry_statement (subject_index);

create sequence inquiry_report_seq;

-- Unusual use of the query log flagged by the review rules, each closed by an auditor as justified or misuse.
create table inquiry_flag (
    id            bigserial    primary key,
    rule          varchar(30)  not null,
    flag_key      varchar(200) not null,
    actor         varchar(100) not null,
    organization  varchar(200) not null,
    department_code varchar(32),
    query_ids     bigint[]     not null,
    detail        varchar(500) not null,
    raised_at     timestamptz  not null,
    status        varchar(10)  not null check (status in ('OPEN', 'JUSTIFIED', 'MISUSE')),
    note          varchar(500),
    closed_by     varchar(100),
    closed_at     timestamptz,
    blacklist_id  bigint,
    unique (rule, flag_key)
);
create index inquiry_flag_open on inquiry_flag (raised_at desc) where status = 'OPEN';
