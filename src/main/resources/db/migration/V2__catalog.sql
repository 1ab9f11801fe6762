-- catalog -----------------------------------------------------------------------------------
-- The key domains and key groups of the policy; items are versioned, domains and groups are not.
create table catalog_domain (
    code  varchar(40)  primary key,
    name  varchar(100) not null,
    sort  int          not null
);

create table catalog_group (
    code  varchar(40)  primary key,
    name  varchar(100) not null,
    sort  int          not null
);

-- A catalog version is a whole catalog, in force from its effective date until the next one's.
create table catalog_version (
    id              bigserial    primary key,
    label           varchar(40)  not null unique,
    effective_from  date         not null,
    note            text,
    published_at    timestamptz  not null default now(),
    published_by    varchar(100) not null
);

create table catalog_item (
    version_id           bigint       not null references catalog_version (id),
    code                 varchar(40)  not null,
    name                 varchar(200) not null,
    domain_code          varchar(40)  not null references catalog_domain (code),
    kind                 varchar(20)  not null check (kind in ('BASIC', 'GOOD_CREDIT', 'DISHONESTY', 'OTHER')),
    severity             varchar(20)  check (severity in ('MINOR', 'GENERAL', 'GRAVE', 'SERIOUS')),
    scope                varchar(20)  not null check (scope in ('PUBLIC', 'AUTHORIZED', 'GOVERNMENT', 'NOT_DISCLOSED')),
    min_months           int          not null check (min_months >= 0),
    max_months           int          not null check (max_months >= min_months and max_months <= 36),
    departments          text[]       not null,
    key_groups           text[]       not null,
    adults_only          boolean      not null,
    dishonesty_category  varchar(60),
    fields               jsonb        not null,
    legal_law            varchar(200) not null check (legal_law <> ''),
    legal_article        varchar(100) not null check (legal_article <> ''),
    description          text,
    primary key (version_id, code)
);
