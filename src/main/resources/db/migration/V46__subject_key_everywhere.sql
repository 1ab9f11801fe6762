-- Every per-person table carries the subject key (the keyed SM3 blind index of the ID number, identity_subject.blind_index),
-- so that a distributed PostgreSQL can place all of a person's rows on one shard with the subject key as distribution
-- column (docs/scaling.md). Tables that reached the person only through a parent row (a status change through its record,
-- an attachment through its objection or repair, ...) get the key of that parent; tables keyed by identity_subject.id get
-- the key of that subject. Rows are filled here and by the code that inserts them from now on.

alter table identity_resident add column subject_index bytea;
update identity_resident r set subject_index = s.blind_index from identity_subject s where s.id = r.subject_id;
alter table identity_resident alter column subject_index set not null;

alter table identity_contact add column subject_index bytea;
update identity_contact c set subject_index = s.blind_index from identity_subject s where s.id = c.subject_id;
alter table identity_contact alter column subject_index set not null;

alter table records_status_change add column subject_index bytea;
update records_status_change c set subject_index = r.subject_index from records_record r where r.id = c.record_id;
alter table records_status_change alter column subject_index set not null;

alter table remedies_attachment add column subject_index bytea;
update remedies_attachment a set subject_index = o.subject_index from remedies_objection o where o.id = a.objection_id;
update remedies_attachment a set subject_index = r.subject_index from remedies_repair r where r.id = a.repair_id;
alter table remedies_attachment alter column subject_index set not null;

alter table remedies_repair_proof add column subject_index bytea;
update remedies_repair_proof p set subject_index = r.subject_index from remedies_repair r where r.id = p.repair_id;
alter table remedies_repair_proof alter column subject_index set not null;

alter table notifications_delivery add column subject_index bytea;
update notifications_delivery d set subject_index = n.subject_index from notifications_notice n where n.id = d.notice_id;
alter table notifications_delivery alter column subject_index set not null;

alter table lists_entry_record add column subject_index bytea;
update lists_entry_record l set subject_index = e.subject_index from lists_entry e where e.id = l.entry_id;
alter table lists_entry_record alter column subject_index set not null;

alter table organization_activation_code add column subject_index bytea;
update organization_activation_code c set subject_index = a.blind_index from organization_citizen_account a where a.id = c.account_id;
alter table organization_activation_code alter column subject_index set not null;
