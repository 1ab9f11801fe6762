-- A batch whose instance stopped or died before it ended is 已中断 (INTERRUPTED), no longer 处理失败 (FAILED):
-- what it stored stays and the sender pushes the file again (issue 17, item 9).
alter table ingestion_batch drop constraint ingestion_batch_status_check;
alter table ingestion_batch add constraint ingestion_batch_status_check
    check (status in ('RECEIVED', 'PROCESSING', 'COMPLETED', 'REJECTED', 'FAILED', 'INTERRUPTED'));
update ingestion_batch set status = 'INTERRUPTED' where status = 'FAILED' and failure like 'INTERRUPTED%';
