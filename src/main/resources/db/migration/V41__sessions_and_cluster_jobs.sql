-- More than one instance (issue 17, item 6).
-- HTTP sessions in the database (Spring Session JDBC, the table layout of its schema-postgresql.sql): a browser's
-- login, CSRF token and list filters survive the instance it started on being stopped. Spring Session deletes the
-- expired ones every minute (idempotent: every instance may do it).
create table spring_session (
    primary_id char(36) not null,
    session_id char(36) not null,
    creation_time bigint not null,
    last_access_time bigint not null,
    max_inactive_interval int not null,
    expiry_time bigint not null,
    principal_name varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36) not null,
    attribute_name varchar(200) not null,
    attribute_bytes bytea not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id) references spring_session (primary_id) on delete cascade
);

-- Scheduled jobs that run once across instances (shared.cluster.ClusterJobs): the last start of each job, which a
-- run claims (a start less than the job's gap after the last one is skipped), and a week of runs.
create table cluster_job (
    job text primary key,
    last_started_at timestamptz not null,
    last_instance text not null
);

create table cluster_job_run (
    id bigint generated always as identity primary key,
    job text not null,
    instance text not null,
    started_at timestamptz not null,
    finished_at timestamptz,
    outcome text
);
create index cluster_job_run_job on cluster_job_run (job, started_at);
