-- Citizen accounts in production: enrolment at a window with a one-time activation code (docs/architecture.md,
-- section 3, "Citizen accounts"). An account is PENDING from the window until the person activates it with the
-- code and sets a password, ACTIVE after, CLOSED when the person closes it (the row stays, so that a window can
-- enrol the person again; the records are the departments' and stay too). Only ACTIVE accounts log in.
alter table organization_citizen_account
    add column status    varchar(16) not null default 'ACTIVE' check (status in ('PENDING', 'ACTIVE', 'CLOSED')),
    add column closed_at timestamptz,
    alter column password_hash drop not null;

-- One-time codes: only a hash (Argon2, like passwords) is stored; a new code for an account supersedes the ones
-- not used yet. purpose ENROLMENT (a new, never activated or closed account) or RESET (an active account's lost
-- password). issued_by is the clerk's login name, issued_department the window's department.
create table organization_activation_code (
    id                bigserial primary key,
    account_id        bigint       not null references organization_citizen_account (id),
    code_hash         varchar(200) not null,
    purpose           varchar(16)  not null check (purpose in ('ENROLMENT', 'RESET')),
    issued_at         timestamptz  not null,
    expires_at        timestamptz  not null,
    issued_by         varchar(64)  not null,
    issued_department varchar(64),
    used_at           timestamptz,
    superseded_at     timestamptz
);

create index organization_activation_code_live on organization_activation_code (account_id)
    where used_at is null and superseded_at is null;

-- Failed activations, for the rate limit per ID number (its blind index: the number itself is never stored) and
-- per address (an SHA-256 of the client address). Rows older than the window are deleted as new ones come.
create table organization_activation_failure (
    id            bigserial primary key,
    number_index  bytea       not null,
    address_hash  bytea       not null,
    failed_at     timestamptz not null
);

create index organization_activation_failure_number on organization_activation_failure (number_index, failed_at);
create index organization_activation_failure_address on organization_activation_failure (address_hash, failed_at);
create index organization_activation_failure_at on organization_activation_failure (failed_at);
