-- The person's in-platform inbox (站内消息): what the platform tells a person about their own records and
-- cases. One row per message; source names the event it came from, so a second delivery of the same
-- event after a restart adds nothing.
create table notifications_notice (
    id            bigserial primary key,
    subject_index bytea       not null,
    kind          text        not null,
    title         text        not null,
    body          text        not null,
    link          text,
    source        text        not null unique,
    created_at    timestamptz not null,
    read_at       timestamptz
);

create index notifications_notice_subject on notifications_notice (subject_index, created_at desc);
