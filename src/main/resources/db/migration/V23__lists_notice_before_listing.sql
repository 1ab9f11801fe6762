-- Notice before listing (告知与陈述申辩, 国办发〔2020〕49号): a reviewer first tells the person of the
-- intended listing (NOTICED, with the facts, the legal basis, the proposed period and a deadline in working
-- days), the person may state their case, and only then is the decision made (ACTIVE), or the listing is
-- dropped (DROPPED, with the reason). decided_by and decided_at stay empty until the decision.
alter table lists_entry drop constraint lists_entry_status_check;
alter table lists_entry add constraint lists_entry_status_check check (status in ('NOTICED', 'ACTIVE', 'ENDED', 'DROPPED'));
alter table lists_entry alter column decided_by drop not null;
alter table lists_entry alter column decided_at drop not null;
alter table lists_entry add column noticed_by varchar(100);
alter table lists_entry add column noticed_at timestamptz;
alter table lists_entry add column notice_due date;
alter table lists_entry add column statement varchar(2000);
alter table lists_entry add column stated_at timestamptz;

-- the entries decided before the notice existed were noticed and decided at once
update lists_entry set noticed_by = decided_by, noticed_at = decided_at, notice_due = decided_at::date;
alter table lists_entry alter column noticed_by set not null;
alter table lists_entry alter column noticed_at set not null;
alter table lists_entry alter column notice_due set not null;

create index lists_entry_noticed on lists_entry (subject_index) where status = 'NOTICED';
