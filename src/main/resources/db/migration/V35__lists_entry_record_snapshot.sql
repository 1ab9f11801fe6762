-- The item and the person (subject id) of each record a list entry rests on, kept by the lists module when the
-- entry is made (as it keeps the entry's subject), so the entries list filters by item and shows the person without
-- reading the records module's table. Existing rows are filled once from the records they name.
alter table lists_entry_record add column item_code varchar(40), add column subject_id bigint;
update lists_entry_record r set item_code = c.item_code, subject_id = c.subject_id from records_record c where c.id = r.record_id;
create index lists_entry_record_item on lists_entry_record (item_code, entry_id);
