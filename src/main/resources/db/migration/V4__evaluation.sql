-- evaluation --------------------------------------------------------------------------------------
-- Versions of the integrity-points model (configuration, not code), in force from their date.
create table evaluation_model (
    id              bigserial    primary key,
    version         varchar(40)  not null unique,
    effective_from  date         not null,
    config          jsonb        not null,
    published_at    timestamptz  not null default now(),
    published_by    varchar(100) not null
);

-- Each person's current points and grade.
create table evaluation_score (
    subject_index  bytea        primary key,
    points         int          not null,
    grade          varchar(3)   not null,
    disputed       boolean      not null,
    model_version  varchar(40)  not null,
    computed_at    timestamptz  not null
);

-- Every change of grade: when, from what to what, and the record that caused it.
create table evaluation_grade_history (
    id             bigserial    primary key,
    subject_index  bytea        not null,
    changed_at     timestamptz  not null,
    old_grade      varchar(3),
    new_grade      varchar(3)   not null,
    old_points     int,
    new_points     int          not null,
    record_id      bigint,
    reason         varchar(200) not null
);
create index evaluation_grade_history_subject on evaluation_grade_history (subject_index, changed_at);

-- People whose score must be recomputed: written in the same transaction as the record change that
-- concerns them, so no change is ever missed; a background worker drains it in batches.
create table evaluation_pending (
    subject_index  bytea   primary key,
    record_id      bigint,
    queued_at      timestamptz not null default now()
);
create index evaluation_pending_order on evaluation_pending (queued_at);
