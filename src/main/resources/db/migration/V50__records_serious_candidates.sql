-- 严重失信主体认定候选（审核员的 /lists 页面，issue 17, item 5，全市规模测量）：候选由本部门计入的严重失信记录按人汇总
-- （JdbcSeriousSubjects）。原先只能用 V33 的 (department_code, status, expires_on)，须回表逐条判断严重程度，
-- PostgreSQL 宁可并行顺序扫描整张表：全市 2,000 万条记录中市场监管局 75,260 条，每次统计 4.3 秒，页面 11 至 12 秒。
-- 新的部分索引只含计入的严重失信记录（约 49 万条，48 MB），并带上汇总所需的列，统计只读索引（仅索引扫描，0.19 秒；
-- 页面 0.65 至 1.2 秒）。报送时只有严重失信记录多写这一个索引。
create index records_record_serious on records_record (department_code, expires_on)
    include (subject_index, subject_id, item_code, decision_date, id)
    where severity = 'SERIOUS' and status in ('ACTIVE', 'OBJECTED');
