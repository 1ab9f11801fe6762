-- The leading group (社会信用体系建设领导小组, policy 十六) reads the assessment of departments: a read-only staff role.
alter table organization_staff_account drop constraint organization_staff_account_role_check;
alter table organization_staff_account add constraint organization_staff_account_role_check
    check (role in ('ADMIN', 'DATA_OFFICER', 'REVIEWER', 'CLERK', 'AUDITOR', 'LEADER'));
