-- A record about a person who was a minor (未成年人, not yet 满18周岁) on the decision date is never published on the
-- public portal (未成年人保护法 第一百零三条: nothing that identifies a minor is disclosed). The flag is set when the
-- record is stored, from the ID number the push carries, and is the only thing kept of the birth date.
-- Records stored before this migration start unknown (null) and are not published until
-- records.internal.MinorSubjectsBackfill has decided them, the privacy-safe default.
alter table records_record add column subject_minor boolean;
comment on column records_record.subject_minor is
    'the person was under 18 on the decision date: never published; null until decided for records older than V31';
create index records_record_minor_unknown on records_record (id) where subject_minor is null;
