-- Issue 14, notifications through channels, and online self-enrolment (docs/architecture.md, "Notifications").

-- The mobile number the population register holds for a resident, encrypted like the name (SM4-GCM, the key's id
-- beside it). Enrolment codes go to this number only, never to one a person types.
alter table identity_resident
    add column mobile_cipher bytea,
    add column mobile_key_id varchar(32);

-- Contact details a person gives themselves (today the e-mail address for notices), encrypted.
create table identity_contact (
    subject_id    bigint primary key references identity_subject (id),
    email_cipher  bytea       not null,
    key_id        varchar(32) not null,
    updated_at    timestamptz not null
);

-- Which channels besides the inbox a person wants for a kind of notice. A row is a choice the person made; kinds
-- without a row take the platform's defaults (NoticeKind).
create table notifications_preference (
    subject_index bytea       not null,
    kind          varchar(32) not null,
    sms           boolean     not null,
    email         boolean     not null,
    updated_at    timestamptz not null,
    primary key (subject_index, kind)
);

-- The outbox: one row per notice and external channel. A worker sends due rows, retries a failure later with a
-- growing pause and gives up after the configured attempts. The address is looked up at sending time and never
-- stored here; last_error is a code, never the text of the message.
create table notifications_delivery (
    id              bigserial primary key,
    notice_id       bigint      not null references notifications_notice (id),
    channel         varchar(8)  not null check (channel in ('SMS', 'EMAIL')),
    status          varchar(12) not null check (status in ('PENDING', 'SENT', 'FAILED', 'NO_ADDRESS')),
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null,
    last_error      varchar(64),
    sent_at         timestamptz,
    unique (notice_id, channel)
);

create index notifications_delivery_due on notifications_delivery (next_attempt_at) where status = 'PENDING';

-- How far the sweepers have read other modules' new rows (new dishonesty records, new query-log entries): notices
-- are made in sets after the fact, so that a push of a million records pays nothing for them. The records sweeper
-- starts after the records that exist when this migration runs: they are not news.
create table notifications_cursor (
    name     varchar(40) primary key,
    last_id  bigint      not null
);

insert into notifications_cursor (name, last_id) values
    ('dishonesty-records', coalesce((select max(id) from records_record), 0)),
    ('query-log', coalesce((select max(id) from inquiry_query), 0));

-- Online requests for a code sent by SMS (self-enrolment and password reset), for the rate limit per number (its
-- blind index) and per address (a SHA-256 of it): every request counts, found or not, so the limit says nothing
-- about who is registered.
create table organization_code_request (
    id            bigserial primary key,
    number_index  bytea       not null,
    address_hash  bytea       not null,
    requested_at  timestamptz not null
);

create index organization_code_request_number on organization_code_request (number_index, requested_at);
create index organization_code_request_address on organization_code_request (address_hash, requested_at);

alter table organization_activation_code add column channel varchar(8) not null default 'WINDOW'
    check (channel in ('WINDOW', 'SMS'));
