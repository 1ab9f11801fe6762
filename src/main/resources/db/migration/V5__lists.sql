-- lists --------------------------------------------------------------------------------------------
-- Entries of the serious-dishonesty list (严重失信主体名单): each made by a reviewer's decision.
create table lists_entry (
    id               bigserial    primary key,
    list_kind        varchar(30)  not null check (list_kind in ('SERIOUS_DISHONESTY')),
    subject_index    bytea        not null,
    department_code  varchar(32)  not null,
    document_number  varchar(100) not null,
    legal_basis      varchar(300) not null,
    criteria         varchar(500) not null,
    start_date       date         not null,
    end_date         date         not null,
    status           varchar(10)  not null check (status in ('ACTIVE', 'ENDED')),
    decided_by       varchar(100) not null,
    decided_at       timestamptz  not null,
    ended_at         timestamptz,
    end_reason       varchar(500),
    check (end_date >= start_date)
);
create index lists_entry_subject on lists_entry (subject_index) where status = 'ACTIVE';
create index lists_entry_department on lists_entry (department_code, decided_at desc);

-- The records an entry rests on.
create table lists_entry_record (
    entry_id   bigint not null references lists_entry (id),
    record_id  bigint not null,
    primary key (entry_id, record_id)
);
create index lists_entry_record_record on lists_entry_record (record_id);
