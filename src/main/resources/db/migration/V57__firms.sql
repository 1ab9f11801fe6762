-- firms (issue 18 item 3) ---------------------------------------------------------------------
-- A firm (法人或非法人组织) is a credit subject of its own kind, named by its unified social credit code (GB 32100),
-- which is public: no personal data is kept here. The natural persons a firm's record names (its legal representative,
-- the person directly responsible) hold records of their own in records_record, under the firm's source id with a
-- suffix; the link names that record by department and source id, as a department does.
create table firms_firm (
    id           bigserial    primary key,
    uscc         char(18)     not null unique,
    name         varchar(200) not null,
    region_code  char(6)      not null,
    first_seen   timestamptz  not null,
    updated_at   timestamptz  not null
);

create table firms_record (
    id                  bigserial    primary key,
    firm_id             bigint       not null references firms_firm (id),
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
    expires_on          date         not null,
    status              varchar(20)  not null check (status in ('ACTIVE', 'REVOKED')),
    status_reason       varchar(500),
    version             int          not null,
    batch_id            bigint,
    accepted_at         timestamptz  not null,
    updated_at          timestamptz  not null,
    unique (department_code, source_id)
);
create index firms_record_firm on firms_record (firm_id, decision_date desc);

create table firms_record_person (
    firm_record_id    bigint       not null references firms_record (id),
    role              varchar(30)  not null check (role in ('LEGAL_REPRESENTATIVE', 'RESPONSIBLE_PERSON')),
    person_source_id  varchar(100) not null,
    primary key (firm_record_id, role)
);
