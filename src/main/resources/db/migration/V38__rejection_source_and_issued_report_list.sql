-- The source id (来源编号) of a rejected row, when the row named one: the batch page lists and filters a batch's
-- rejections by it. Rows rejected before this migration have none. The (batch_id, row_no) index serves the list:
-- a batch's rejections are read within one batch.
alter table ingestion_rejection add column source_id varchar(100);

-- The list of reports issued at the windows (/reports/issued) pages them newest first and narrows them to a person:
-- without these it would read and sort every issued report for each page.
create index inquiry_report_issued on inquiry_report (issued_at desc);
create index inquiry_report_subject on inquiry_report (subject_index);
