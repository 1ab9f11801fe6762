-- The changes of one thing (a decision, a list entry): read to tell whether a list entry has ended when its changes are
-- delivered, and whether a baseline (a full initial delivery for a platform connecting later) has the thing already.
create index exchange_change_entity on exchange_change (entity, entity_id);
