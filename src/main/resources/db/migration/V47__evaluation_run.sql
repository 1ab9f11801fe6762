-- 全量重算的运行记录（issue 17, item 9）：每次全量重算（夜间任务、管理员发起、模型生效）一行，
-- 由执行它的实例在每部分完成时和每 10 秒更新（心跳）。进程被强制终止（kill -9、断电）后，
-- 心跳超过 chengxin.evaluation.interrupted-after 未更新的运行标记为 INTERRUPTED（已中断），
-- 管理页面从这里读取最近一次重算，任何实例上都看得到。
create table evaluation_run (
    id             bigserial primary key,
    trigger        text        not null,
    instance       text        not null,
    model_version  text,
    started_at     timestamptz not null,
    heartbeat_at   timestamptz not null default now(),
    finished_at    timestamptz,
    parts_done     integer     not null default 0,
    parts_total    integer     not null,
    people         bigint      not null default 0,
    scores_changed bigint      not null default 0,
    grades_changed bigint      not null default 0,
    millis         bigint      not null default 0,
    outcome        text        not null default 'RUNNING'
        check (outcome in ('RUNNING', 'COMPLETED', 'FAILED', 'STOPPED', 'INTERRUPTED')),
    failure        text
);

-- the sweep of abandoned runs reads only the running ones
create index evaluation_run_running on evaluation_run (heartbeat_at) where outcome = 'RUNNING';
