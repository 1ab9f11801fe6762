-- Other credit platforms the city exchanges with (issue 18): the provincial and national platforms, other cities.
-- Their systems are OAuth2 clients like a department's, holding only the exchange scopes.
alter table organization_department drop constraint organization_department_kind_check;
alter table organization_department add constraint organization_department_kind_check
    check (kind in ('GOVERNMENT', 'ASSOCIATION', 'CREDIT_AGENCY', 'PLATFORM', 'EXTERNAL_PLATFORM'));
