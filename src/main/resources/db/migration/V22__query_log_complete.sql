-- inquiry -----------------------------------------------------------------------------------------
-- The query log is complete (issue 14, item 5): besides report queries it keeps every credit-status
-- answer (STATUS) and every measure check (MEASURE) of a department system or clerk, each written in
-- the transaction of the answer by the inquiry module's listener of standing's and measures' events.
alter table inquiry_query drop constraint inquiry_query_kind_check;
alter table inquiry_query add constraint inquiry_query_kind_check
    check (kind in ('WINDOW', 'SELF', 'GOVERNMENT', 'API', 'STATUS', 'MEASURE'));

-- actor_name: the clerk's real name (organization_staff_account.display_name) or the department system's
-- registered name, beside the login name or client id the review rules count by; basis: the legal basis or
-- authorization the use rested on (an authorization, a statutory duty, the measure list and matter).
alter table inquiry_query add column actor_name varchar(100);
alter table inquiry_query add column basis varchar(300);

-- The entries written before: the names as the accounts hold them now (a one-time fill; from now on the
-- inquiry module asks the organization module's API when it writes an entry).
update inquiry_query q set actor_name = s.display_name
from organization_staff_account s where q.actor = s.username and q.kind <> 'SELF';
update inquiry_query q set actor_name = left(c.client_name, 100)
from oauth2_registered_client c where q.actor = c.client_id and q.kind = 'API' and q.actor_name is null;
update inquiry_query set actor_name = '本人' where kind = 'SELF';
