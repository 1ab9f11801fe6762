-- The working-day calendar every deadline counts on: per year, the days the State Council's notice on holidays
-- (国务院办公厅关于XXXX年部分节假日安排的通知) makes holidays (放假) and the weekend days it makes working days (调休上班).
-- A day not listed is a working day from Monday to Friday and a rest day on Saturday and Sunday. The administrator keeps
-- it on /admin/calendar; every change is audited.
--
-- The seeds are here and not in the demo data: a production platform counts its deadlines on them from its first day.
-- Flyway runs this once, so what the administrator changes later is never overwritten.
create table calendar_year (
    year        int          primary key check (year between 2000 and 2100),
    source      varchar(200),
    confirmed   boolean      not null default false,
    updated_at  timestamptz  not null,
    updated_by  varchar(64)  not null
);

create table calendar_day (
    day         date         primary key,
    year        int          not null references calendar_year (year),
    kind        varchar(20)  not null check (kind in ('HOLIDAY', 'ADJUSTED_WORKDAY')),
    name        varchar(40)  not null check (btrim(name) <> ''),
    note        varchar(200),
    updated_at  timestamptz  not null,
    updated_by  varchar(64)  not null,
    check (extract(year from day) = year),
    -- a worked day (调休) is a Saturday or a Sunday: a weekday is a working day already
    check (kind <> 'ADJUSTED_WORKDAY' or extract(isodow from day) in (6, 7))
);

create index calendar_day_year on calendar_day (year, day);

-- 2026: 国务院办公厅关于2026年部分节假日安排的通知 (2025年11月4日), as published by 新华社.
insert into calendar_year (year, source, confirmed, updated_at, updated_by)
values (2026, '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）', true, now(), '平台初始化');

insert into calendar_day (day, year, kind, name, note, updated_at, updated_by)
select d::date, 2026, 'HOLIDAY', n, null, now(), '平台初始化'
from (values ('2026-01-01', '元旦'), ('2026-01-02', '元旦'), ('2026-01-03', '元旦'),
             ('2026-02-15', '春节'), ('2026-02-16', '春节'), ('2026-02-17', '春节'), ('2026-02-18', '春节'),
             ('2026-02-19', '春节'), ('2026-02-20', '春节'), ('2026-02-21', '春节'), ('2026-02-22', '春节'),
             ('2026-02-23', '春节'),
             ('2026-04-04', '清明节'), ('2026-04-05', '清明节'), ('2026-04-06', '清明节'),
             ('2026-05-01', '劳动节'), ('2026-05-02', '劳动节'), ('2026-05-03', '劳动节'), ('2026-05-04', '劳动节'),
             ('2026-05-05', '劳动节'),
             ('2026-06-19', '端午节'), ('2026-06-20', '端午节'), ('2026-06-21', '端午节'),
             ('2026-09-25', '中秋节'), ('2026-09-26', '中秋节'), ('2026-09-27', '中秋节'),
             ('2026-10-01', '国庆节'), ('2026-10-02', '国庆节'), ('2026-10-03', '国庆节'), ('2026-10-04', '国庆节'),
             ('2026-10-05', '国庆节'), ('2026-10-06', '国庆节'), ('2026-10-07', '国庆节')) as h (d, n);

insert into calendar_day (day, year, kind, name, note, updated_at, updated_by)
select d::date, 2026, 'ADJUSTED_WORKDAY', n, '调休上班', now(), '平台初始化'
from (values ('2026-01-04', '元旦'), ('2026-02-14', '春节'), ('2026-02-28', '春节'), ('2026-05-09', '劳动节'),
             ('2026-09-20', '国庆节'), ('2026-10-10', '国庆节')) as w (d, n);

-- 2027: no notice yet. The statutory days of 《全国年节及纪念日放假办法》 (as amended 2024, in force 2025-01-01), lunar
-- dates computed for 2027 (正月初一 = 6 February, 五月初五 = 9 June, 八月十五 = 15 September, 清明 = 5 April). The
-- days made up for holidays on a weekend (补假) and the 调休 working days come with the notice: until the
-- administrator enters it, the year is not confirmed and the admin page says so.
insert into calendar_year (year, source, confirmed, updated_at, updated_by)
values (2027, '《全国年节及纪念日放假办法》法定节日（待国务院通知公布后确认）', false, now(), '平台初始化');

insert into calendar_day (day, year, kind, name, note, updated_at, updated_by)
select d::date, 2027, 'HOLIDAY', n, t, now(), '平台初始化'
from (values ('2027-01-01', '元旦', '1月1日'),
             ('2027-02-05', '春节', '农历除夕'), ('2027-02-06', '春节', '农历正月初一'), ('2027-02-07', '春节', '农历正月初二'),
             ('2027-02-08', '春节', '农历正月初三'),
             ('2027-04-05', '清明节', '农历清明当日'),
             ('2027-05-01', '劳动节', '5月1日'), ('2027-05-02', '劳动节', '5月2日'),
             ('2027-06-09', '端午节', '农历五月初五'),
             ('2027-09-15', '中秋节', '农历八月十五'),
             ('2027-10-01', '国庆节', '10月1日'), ('2027-10-02', '国庆节', '10月2日'), ('2027-10-03', '国庆节', '10月3日'))
     as h (d, n, t);
