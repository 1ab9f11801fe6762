-- Issue 19, items 1 and 3: staff's second factor (TOTP), recovery codes, a reset approved by a second
-- administrator, the password change forced on first login, and failed logins per client address.

alter table organization_staff_account add column must_change_password boolean not null default false;

-- The TOTP secret, SM4-GCM encrypted like the identity module's columns (purpose bound in); one per account. The
-- time step of the last code accepted: a code is never accepted twice (RFC 6238, section 5.2).
create table organization_staff_second_factor (
    account_id     bigint       primary key references organization_staff_account (id),
    secret_cipher  bytea        not null,
    key_id         varchar(32)  not null,
    enrolled_at    timestamptz  not null,
    last_step      bigint
);

-- Recovery codes: only their SM3 digest, each usable once.
create table organization_staff_recovery_code (
    id          bigserial    primary key,
    account_id  bigint       not null references organization_staff_account (id),
    code_hash   bytea        not null,
    used_at     timestamptz
);
create index organization_staff_recovery_code_account on organization_staff_recovery_code (account_id);

-- A lost factor is reset by one administrator's request and another's approval.
create table organization_second_factor_reset (
    id            bigserial    primary key,
    account_id    bigint       not null references organization_staff_account (id),
    requested_by  varchar(64)  not null,
    requested_at  timestamptz  not null,
    approved_by   varchar(64),
    approved_at   timestamptz
);
create unique index organization_second_factor_reset_open on organization_second_factor_reset (account_id) where approved_at is null;

-- Failed logins per client address (the per-account count is the account's failed_attempts).
create table organization_login_failure (
    address    varchar(64)  not null,
    failed_at  timestamptz  not null
);
create index organization_login_failure_address on organization_login_failure (address, failed_at);
