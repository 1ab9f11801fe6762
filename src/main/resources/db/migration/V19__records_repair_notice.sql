-- 两书同达: the department served a credit repair notice (信用修复告知书) together with the penalty
-- decision. Once served it stays served: a later push without the flag does not take it back.
alter table records_record add column repair_notice boolean not null default false;
