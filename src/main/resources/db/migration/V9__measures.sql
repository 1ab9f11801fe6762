-- measures ----------------------------------------------------------------------------------------
-- Versions of the incentive and punishment measure lists with the matters they name (configuration
-- kept by the administrator, in force from a date).
create table measures_version (
    id              bigserial    primary key,
    version         varchar(40)  not null unique,
    effective_from  date         not null,
    config          jsonb        not null,
    published_at    timestamptz  not null default now(),
    published_by    varchar(100) not null
);

-- Every check (联合奖惩核查): who checked whom for which matter, what applied, and the feedback.
create table measures_check (
    id               bigserial    primary key,
    subject_index    bytea        not null,
    masked_id        varchar(40)  not null,
    matter_code      varchar(40)  not null,
    department_code  varchar(32)  not null,
    checked_by       varchar(100) not null,
    checked_at       timestamptz  not null,
    list_version     varchar(40)  not null,
    result           jsonb        not null,
    incentives       int          not null,
    punishments      int          not null,
    feedback_due     date         not null,
    feedback         jsonb,
    feedback_at      timestamptz,
    feedback_by      varchar(100),
    feedback_late    boolean,
    measures_applied int
);
create index measures_check_department on measures_check (department_code, checked_at desc);
create index measures_check_waiting on measures_check (department_code, feedback_due) where feedback is null;
create index measures_check_subject on measures_check (subject_index);
