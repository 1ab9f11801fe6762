-- The 双公示 search by a part of a decision number (岳市监罚〔2026〕123456号: "123456" or "〕123456号") among a million
-- published decisions: a trigram index on the public rows, used by the LIKE '%part%' of JdbcRecords. pg_trgm is a
-- trusted extension (PostgreSQL 13 and later): the database's owner may create it. An extension lives in one schema
-- of the database (where it was first created), so its operator class is named with that schema: the migration also
-- runs into other schemas of the same database (the migration tests).
create extension if not exists pg_trgm;

do $$
declare
    trgm_schema name := (select n.nspname from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm');
begin
    execute format('create index records_record_public_document on records_record using gin (document_number %I.gin_trgm_ops)'
        || ' where scope = ''PUBLIC'' and kind in (''BASIC'', ''DISHONESTY'') and status in (''ACTIVE'', ''OBJECTED'', ''SUSPENDED'')',
        trgm_schema);
end
$$;
