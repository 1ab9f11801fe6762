-- measures: a punishment rests on the law, not on a score (国办发〔2020〕49号) ------------------------
-- The platform no longer accepts a punishment measure triggered by a grade range
-- (PunishmentBasisPolicy); a stored list holding one would not load. Every stored version is corrected
-- in place: the versions are configuration, and what applied to whom stays recorded in each check's
-- own result (measures_check.result), which is not touched.
-- * CJ-RQSL (不适用容缺受理和告知承诺) of the Yueyang default, triggered by grade C-D, rests on a dishonesty
--   record of severity GRAVE or worse in force, as 国办发〔2020〕42号 provides; its basis cites 42号, and its
--   content says so if the administrator had not changed it.
-- * Any other punishment an administrator triggered by a grade is narrowed to the serious-dishonesty
--   list, the strictest lawful basis, for the administrator to review.
update measures_version v
set config = jsonb_set(v.config, '{measures}', (
    select jsonb_agg(case
        when m ->> 'kind' <> 'PUNISHMENT' or m #>> '{trigger,kind}' <> 'GRADE_RANGE' then m
        when m ->> 'code' = 'CJ-RQSL' then m || jsonb_build_object(
            'trigger', jsonb_build_object('kind', 'DISHONESTY_RECORD', 'bestGrade', null, 'worstGrade', null,
                'minSeverity', 'GRAVE', 'withinMonths', null),
            'content', case when m ->> 'content' = '不适用容缺受理、告知承诺等便利措施'
                then '有较重及以上失信记录的，在信用修复前不适用容缺受理、告知承诺等便利措施' else m ->> 'content' end,
            'legalBasis', case when m ->> 'legalBasis' like '%国办发〔2020〕42号%' then m ->> 'legalBasis'
                else (m ->> 'legalBasis') || '；《国务院办公厅关于全面推行证明事项告知承诺制的指导意见》（国办发〔2020〕42号）' end)
        else m || jsonb_build_object(
            'trigger', jsonb_build_object('kind', 'SERIOUS_DISHONESTY_LIST', 'bestGrade', null, 'worstGrade', null,
                'minSeverity', null, 'withinMonths', null))
        end order by e.position)
    from jsonb_array_elements(v.config -> 'measures') with ordinality as e(m, position)))
where exists (
    select 1 from jsonb_array_elements(v.config -> 'measures') as m
    where m ->> 'kind' = 'PUNISHMENT' and m #>> '{trigger,kind}' = 'GRADE_RANGE');
