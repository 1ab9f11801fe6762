-- Issue 13: whether a record under objection still counts, and the suspension of a record whose
-- objection was not verified in time.

-- evaluation and measures: every stored version of the points model and of the measure lists keeps
-- the rule it was published under, "still counts, marked disputed" (COUNT), written into its
-- configuration so that the stored versions say so themselves (a configuration without the key reads
-- as COUNT too).
update evaluation_model set config = config || '{"objectedRecords": "COUNT"}'::jsonb
where config ->> 'objectedRecords' is null;

update measures_version set config = config || '{"objectedRecords": "COUNT"}'::jsonb
where config ->> 'objectedRecords' is null;

-- records: SUSPENDED (异议逾期未核查，暂停使用), a record whose objection was escalated past its day under
-- chengxin.remedies.overdue-rule=SUSPEND: shown, marked, used for neither points, lists nor measures
-- until the department decides (docs/architecture.md 8.2).
alter table records_record drop constraint records_record_status_check;
alter table records_record add constraint records_record_status_check
    check (status in ('ACTIVE', 'OBJECTED', 'SUSPENDED', 'REPAIRED', 'EXPIRED', 'REVOKED'));
