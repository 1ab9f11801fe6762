-- The credit-agency blacklist (policy 八): credit agencies, or named staff of theirs, that broke the rules,
-- with the violation, the decision and its period. Later modules refuse the queries of a listed agency.
create table lists_agency_blacklist (
    id              bigserial    primary key,
    agency_code     varchar(40)  not null,
    staff_name      varchar(50),
    violation       varchar(500) not null,
    document_number varchar(100) not null,
    legal_basis     varchar(300) not null,
    start_date      date         not null,
    end_date        date         not null,
    status          varchar(10)  not null check (status in ('ACTIVE', 'ENDED')),
    decided_by      varchar(100) not null,
    decided_at      timestamptz  not null,
    ended_at        timestamptz,
    end_reason      varchar(500),
    check (end_date >= start_date)
);

create index lists_agency_blacklist_agency on lists_agency_blacklist (agency_code) where status = 'ACTIVE';
