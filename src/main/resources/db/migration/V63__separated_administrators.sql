-- Separated administrators (三员分立, docs/architecture.md "Separated administrators"): the one platform administrator
-- (ADMIN) becomes three roles, the system administrator (SYSTEM_ADMIN), the security administrator (SECURITY_ADMIN) and
-- the security audit administrator (AUDIT_ADMIN). An existing administrator keeps what they did most: the system
-- administration; the two others are created once by the bootstrap settings (docs/operations.md).

-- An account has one role: the column is a single value, and only these.
alter table organization_staff_account drop constraint organization_staff_account_role_check;
update organization_staff_account set role = 'SYSTEM_ADMIN' where role = 'ADMIN';
alter table organization_staff_account add constraint organization_staff_account_role_check
    check (role in ('SYSTEM_ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN', 'DATA_OFFICER', 'REVIEWER', 'CLERK', 'AUDITOR',
                    'LEADER'));

-- No person holds two administrator roles: among the administrators' accounts a name (姓名) is held once. Two former
-- administrators' accounts under one name (both now system administrators) are told apart by their user names first.
update organization_staff_account a set display_name = left(a.display_name || '（' || a.username || '）', 64)
where a.role = 'SYSTEM_ADMIN'
  and exists (select 1 from organization_staff_account b
              where b.role = 'SYSTEM_ADMIN' and b.display_name = a.display_name and b.id < a.id);
create unique index organization_staff_account_one_administrator_role
    on organization_staff_account (display_name) where role in ('SYSTEM_ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN');

-- Sessions stored before hold the old role (a serialized principal the new code cannot read): everybody logs in again.
delete from spring_session;
