-- 诚信典型: a person's consent to show their good-credit records (honours) and name on the public portal. A row is a
-- consent in force; withdrawing deletes it at once (the audit trail keeps both acts).
create table honours_consent (
    subject_index bytea       primary key,
    subject_id    bigint      not null,
    consented_at  timestamptz not null
);

create index honours_consent_at on honours_consent (consented_at desc);
