-- Keeping the audit trail as the law asks (网络安全法 第二十一条: network logs kept at least six months; issue 19,
-- item 4). Entries older than chengxin.audit.retention are written to a compressed file under the data directory
-- with a manifest, then deleted from audit_entry. Each archive leaves an anchor here: the range it holds, the hash
-- before its first entry and the hash of its last, the file's SM3 digest, and an HMAC-SM3 over all of them with the
-- chain's key (a row forged or altered without the key does not verify). Verification walks the anchors from the
-- genesis, then the table from the last anchor's hash (docs/operations.md, section 17).
create table audit_archive (
    through_seq  bigint       primary key,
    from_seq     bigint       not null,
    entries      bigint       not null,
    prev_hash    char(64)     not null,
    last_hash    char(64)     not null,
    file_name    varchar(200) not null,
    file_sm3     char(64)     not null,
    archived_at  timestamptz  not null,
    mac          char(64)     not null,
    check (through_seq >= from_seq and entries = through_seq - from_seq + 1)
);

-- The trail stays append-only, except for the archiver: in its transaction (chengxin.audit_archiving set locally)
-- it may delete entries an anchor already covers, nothing younger. Updates and truncation stay refused.
create or replace function audit_entry_is_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        if current_setting('chengxin.audit_archiving', true) = 'on'
                and old.seq <= (select coalesce(max(through_seq), 0) from audit_archive) then
            return old;
        end if;
    end if;
    raise exception 'audit_entry is append-only (审计记录只能追加)';
end;
$$;
