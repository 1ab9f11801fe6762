-- Chengxin foundation: identity, organization, OAuth2 clients, audit trail, module events.
-- One SQL dialect: PostgreSQL 15 or newer. Tables are prefixed with the module that owns them;
-- no module reads another module's tables.

-- identity ---------------------------------------------------------------------------------
-- A credit subject: a natural person known by a citizen ID number. The number itself is only
-- stored encrypted (SM4-GCM, key id kept for rotation) and found through a keyed SM3 blind index.
-- Nothing derived from the hidden middle digits (the birth date, digits 7-14) is stored in clear:
-- with the masked form beside it, it would give the whole number back.
create table identity_subject (
    id           bigserial primary key,
    blind_index  bytea       not null unique,
    id_cipher    bytea       not null,
    key_id       varchar(32) not null,
    masked       varchar(18) not null,
    region_code  char(6)     not null,
    created_at   timestamptz not null default now()
);

-- The population register (人口基础信息): residents and their names, protected like ID numbers.
create table identity_resident (
    subject_id   bigint primary key references identity_subject (id),
    name_cipher  bytea        not null,
    key_id       varchar(32)  not null,
    name_index   bytea        not null,
    source       varchar(200) not null,
    imported_at  timestamptz  not null
);

-- organization -----------------------------------------------------------------------------
create table organization_department (
    code         varchar(32)  primary key,
    name         varchar(100) not null,
    kind         varchar(20)  not null check (kind in ('GOVERNMENT', 'ASSOCIATION', 'CREDIT_AGENCY', 'PLATFORM')),
    uscc         char(18)     not null unique,
    region_code  char(6)      not null,
    active       boolean      not null default true,
    created_at   timestamptz  not null default now()
);

create table organization_staff_account (
    id               bigserial primary key,
    username         varchar(64)  not null unique,
    display_name     varchar(64)  not null,
    role             varchar(20)  not null check (role in ('ADMIN', 'DATA_OFFICER', 'REVIEWER', 'CLERK', 'AUDITOR')),
    department_code  varchar(32)  not null references organization_department (code),
    password_hash    varchar(200) not null,
    enabled          boolean      not null default true,
    failed_attempts  int          not null default 0,
    locked_until     timestamptz,
    created_at       timestamptz  not null default now()
);

-- A citizen's login. The subject lives in the identity module: only its id and blind index here.
create table organization_citizen_account (
    id               bigserial primary key,
    subject_id       bigint       not null unique,
    blind_index      bytea        not null unique,
    masked_id        varchar(18)  not null,
    password_hash    varchar(200) not null,
    enabled          boolean      not null default true,
    failed_attempts  int          not null default 0,
    locked_until     timestamptz,
    created_at       timestamptz  not null default now()
);

-- Department business systems: OAuth2 clients (Spring Authorization Server's own tables).
create table oauth2_registered_client (
    id                            varchar(100)  not null primary key,
    client_id                     varchar(100)  not null unique,
    client_id_issued_at           timestamptz   not null default current_timestamp,
    client_secret                 varchar(200),
    client_secret_expires_at      timestamptz,
    client_name                   varchar(200)  not null,
    client_authentication_methods varchar(1000) not null,
    authorization_grant_types     varchar(1000) not null,
    redirect_uris                 varchar(1000),
    post_logout_redirect_uris     varchar(1000),
    scopes                        varchar(1000) not null,
    client_settings               varchar(2000) not null,
    token_settings                varchar(2000) not null
);

create table oauth2_authorization (
    id                            varchar(100) not null primary key,
    registered_client_id          varchar(100) not null,
    principal_name                varchar(200) not null,
    authorization_grant_type      varchar(100) not null,
    authorized_scopes             varchar(1000),
    attributes                    text,
    state                         varchar(500),
    authorization_code_value      text,
    authorization_code_issued_at  timestamptz,
    authorization_code_expires_at timestamptz,
    authorization_code_metadata   text,
    access_token_value            text,
    access_token_issued_at        timestamptz,
    access_token_expires_at       timestamptz,
    access_token_metadata         text,
    access_token_type             varchar(100),
    access_token_scopes           varchar(1000),
    oidc_id_token_value           text,
    oidc_id_token_issued_at       timestamptz,
    oidc_id_token_expires_at      timestamptz,
    oidc_id_token_metadata        text,
    refresh_token_value           text,
    refresh_token_issued_at       timestamptz,
    refresh_token_expires_at      timestamptz,
    refresh_token_metadata        text,
    user_code_value               text,
    user_code_issued_at           timestamptz,
    user_code_expires_at          timestamptz,
    user_code_metadata            text,
    device_code_value             text,
    device_code_issued_at         timestamptz,
    device_code_expires_at        timestamptz,
    device_code_metadata          text
);
create index oauth2_authorization_expiry on oauth2_authorization (access_token_expires_at);

-- Which department an API client acts for.
create table organization_api_client (
    client_id        varchar(100) primary key references oauth2_registered_client (client_id),
    department_code  varchar(32)  not null references organization_department (code),
    created_at       timestamptz  not null default now()
);

-- audit ------------------------------------------------------------------------------------
-- Entries that happened inside a business transaction land here in that same transaction, so
-- a crash can never lose them; the single chain writer moves them into audit_entry.
create table audit_inbox (
    event_id       uuid         primary key,
    occurred_at    timestamptz  not null,
    actor          varchar(100) not null,
    role           varchar(40),
    department     varchar(32),
    action         varchar(64)  not null,
    subject_index  varchar(64),
    purpose        varchar(200),
    outcome        varchar(16)  not null,
    detail         varchar(500)
);

-- The append-only, SM3-chained audit trail.
create table audit_entry (
    seq            bigint       primary key,
    event_id       uuid         not null unique,
    occurred_at    timestamptz  not null,
    recorded_at    timestamptz  not null,
    actor          varchar(100) not null,
    role           varchar(40),
    department     varchar(32),
    action         varchar(64)  not null,
    subject_index  varchar(64),
    purpose        varchar(200),
    outcome        varchar(16)  not null,
    detail         varchar(500),
    prev_hash      char(64)     not null,
    hash           char(64)     not null
);
create index audit_entry_subject on audit_entry (subject_index) where subject_index is not null;
create index audit_entry_actor_time on audit_entry (actor, occurred_at);

-- The newest link, kept apart so that cutting rows off the end of the chain is detected too.
create table audit_chain_head (
    id    int      primary key check (id = 1),
    seq   bigint   not null,
    hash  char(64) not null
);

create function audit_entry_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_entry is append-only (审计记录只能追加)';
end;
$$;
create trigger audit_entry_no_update before update or delete on audit_entry
    for each row execute function audit_entry_is_append_only();
create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_entry_is_append_only();

-- Spring Modulith event publication registry ---------------------------------------------------
create table event_publication (
    id                     uuid        not null primary key,
    listener_id            text        not null,
    event_type             text        not null,
    serialized_event       text        not null,
    publication_date       timestamptz not null,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamptz
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
