-- 本部门信用记录列表按事项筛选（issue 17, item 5，全市规模测量）：按决定日期排序时，原索引
-- (department_code, item_code, accepted_at) 不含 decision_date 与 id，PostgreSQL 须读出该事项的全部记录
-- （市场监管局的一个事项约 10 万条）再排序，每页 7.6 秒。新索引带上 id 与 decision_date：
-- 列表先在索引里取出一页的 id（仅索引扫描，两种排序都可），再按 id 读这一页的记录。
-- 索引仍是一个（不增加入库的负担），每个条目多 12 字节。
drop index if exists records_record_department_item;
create index records_record_department_item on records_record (department_code, item_code, accepted_at, id) include (decision_date);
