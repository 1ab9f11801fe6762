#!/usr/bin/env bash
# Backup and restore drill (issue 17, item 11; docs/operations.md, "Backup and restore drill").
#
# Starts its own Debian PostgreSQL 15 cluster with WAL archiving (archive_command into a directory), runs the platform
# against it and lets it load the demo data and push a batch, takes a base backup (pg_basebackup), pushes a second
# batch, notes a target time, pushes a third batch, and then restores into a NEW cluster to the target time
# (restore_command + recovery_target_time). Checks on the restored cluster: the record counts are those of the target
# time, the batch pushed after it is absent, the one pushed between the backup and the target is there (replayed
# from the archived WAL), and the audit chain verifies (the platform started on the restored database, its own
# verifier: GET /actuator/auditchain as the administrator). Prints the backup's size and time and the restore's time.
# Exits non-zero on any failure. Everything runs in a scratch directory that is removed at the end (KEEP_WORK=1 keeps
# it).
#
#   ops/backup-drill.sh                 # builds the jar, ~3 to 5 minutes on 2 cores
#   CHENGXIN_JAR=target/chengxin-…jar ops/backup-drill.sh
# Ports: PostgreSQL 55430 (primary) and 55431 (restored), HTTP 18301 and 18302 (DRILL_PG_PORT, DRILL_HTTP_PORT move them).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source ops/pg-lib.sh

PG_PORT=${DRILL_PG_PORT:-55430}
RESTORED_PORT=$((PG_PORT + 1))
HTTP_PORT=${DRILL_HTTP_PORT:-18301}
RESTORED_HTTP_PORT=$((HTTP_PORT + 1))
ROWS_BEFORE_BACKUP=${DRILL_ROWS:-2000}
DRILL_STARTED=$(now_s)

build_jar
make_work drill
trap cleanup_all EXIT
trap "exit 1" TERM INT
make_keys
source "$WORK/keys.env"
PRIMARY=$WORK/primary
RESTORED=$WORK/restored

say "primary cluster: PostgreSQL $("$PGBIN/postgres" -V | awk '{print $3}') on 127.0.0.1:$PG_PORT, WAL archived into $WORK/archive"
new_cluster "$PRIMARY" "$PG_PORT"
start_cluster "$PRIMARY"
create_app_database "$PRIMARY" "$PG_PORT" "$SPRING_DATASOURCE_PASSWORD"

say "the platform on the primary (port $HTTP_PORT): migrations and demo data"
start_app platform "$HTTP_PORT" "jdbc:postgresql://127.0.0.1:$PG_PORT/chengxin"
PLATFORM_PID=$APP_PID
wait_demo platform
TOKEN=$(api_token "$HTTP_PORT")
rows "$WORK/a.csv" "$ROWS_BEFORE_BACKUP" drill-a
rows "$WORK/b.csv" 1000 drill-b
rows "$WORK/c.csv" 500 drill-c
push "$HTTP_PORT" "$TOKEN" "$WORK/a.csv"
say "batch $BATCH (before the backup): $ACCEPTED records accepted"

# what the drill compares: rows per table, and whether background work (audit inbox, recomputation queue) is settled
counts() {
    sql "$1" "$2" "select concat_ws(' ',
        'records=' || (select count(*) from records_record),
        'record_versions=' || (select count(*) from records_record_version),
        'subjects=' || (select count(*) from identity_subject),
        'batches=' || (select count(*) from ingestion_batch),
        'scores=' || (select count(*) from evaluation_score),
        'pending=' || (select count(*) from evaluation_pending),
        'audit_entries=' || (select count(*) from audit_entry),
        'audit_head=' || (select coalesce(max(seq), 0) from audit_chain_head),
        'audit_inbox=' || (select count(*) from audit_inbox))"
}

say "base backup: pg_basebackup (tar, gzip, WAL streamed with it)"
BACKUP_STARTED=$(now_s)
as_pg "$PGBIN/pg_basebackup" -h "$WORK/run" -p "$PG_PORT" -U postgres -D "$WORK/base" -Ft -z -Xstream -c fast
BACKUP_S=$(secs "$BACKUP_STARTED" "$(now_s)")
BACKUP_BYTES=$(du -sb "$WORK/base" | cut -f1)
DB_BYTES=$(sql "$PRIMARY" "$PG_PORT" "select pg_database_size('chengxin')")
echo "    backup ${BACKUP_BYTES} bytes ($(numfmt --to=iec "$BACKUP_BYTES")) in ${BACKUP_S} s; database $(numfmt --to=iec "$DB_BYTES")"

push "$HTTP_PORT" "$TOKEN" "$WORK/b.csv"
BATCH_B=$BATCH
say "batch $BATCH_B (after the backup, before the target): $ACCEPTED records accepted"

say "waiting for a quiet second to note the target time (counts equal before and after it)"
TARGET=
for _ in $(seq 1 90); do
    BEFORE=$(counts "$PRIMARY" "$PG_PORT")
    sleep 1
    CANDIDATE=$(sql "$PRIMARY" "$PG_PORT" "select clock_timestamp()")
    sleep 1
    AFTER=$(counts "$PRIMARY" "$PG_PORT")
    if [[ "$BEFORE" == "$AFTER" && "$BEFORE" == *"pending=0 "* && "$BEFORE" == *"audit_inbox=0"* ]]; then
        TARGET=$CANDIDATE
        break
    fi
done
[[ -n "$TARGET" ]] || fail "the platform did not settle: $BEFORE / $AFTER"
AT_TARGET=$BEFORE
echo "    target time $TARGET"
echo "    at the target: $AT_TARGET"

push "$HTTP_PORT" "$TOKEN" "$WORK/c.csv"
BATCH_C=$BATCH
say "batch $BATCH_C (after the target): $ACCEPTED records accepted"
sleep 2
AT_END=$(counts "$PRIMARY" "$PG_PORT")
echo "    at the end:    $AT_END"
[[ "$AT_END" != "$AT_TARGET" ]] || fail "the last batch changed nothing"

# the segment holding the last batch goes to the archive now rather than at archive_timeout
SEGMENT=$(sql "$PRIMARY" "$PG_PORT" "select pg_walfile_name(pg_current_wal_lsn())")
sql "$PRIMARY" "$PG_PORT" "select pg_switch_wal()" >/dev/null
for _ in $(seq 1 60); do
    [[ -f "$WORK/archive/$SEGMENT" ]] && break
    sleep 1
done
[[ -f "$WORK/archive/$SEGMENT" ]] || fail "WAL segment $SEGMENT was not archived"
echo "    WAL archived: $(ls "$WORK/archive" | grep -c '^[0-9A-F]\{24\}$') segments, $(du -sh "$WORK/archive" | cut -f1)"

say "the primary is lost: platform and cluster stopped"
stop_app "$PLATFORM_PID"
stop_cluster "$PRIMARY"

say "point-in-time restore into a new cluster (port $RESTORED_PORT) to $TARGET"
RESTORE_STARTED=$(now_s)
as_pg mkdir -m 700 "$RESTORED"
as_pg tar -xzf "$WORK/base/base.tar.gz" -C "$RESTORED"
as_pg tar -xzf "$WORK/base/pg_wal.tar.gz" -C "$RESTORED/pg_wal"
as_pg tee -a "$RESTORED/postgresql.conf" >/dev/null <<CONF
# ops/backup-drill.sh: the restored cluster
port = $RESTORED_PORT
unix_socket_directories = '$WORK/run'
archive_mode = off
restore_command = 'cp $WORK/archive/%f %p'
recovery_target_time = '$TARGET'
recovery_target_action = 'promote'
CONF
as_pg touch "$RESTORED/recovery.signal"
start_cluster "$RESTORED"
for _ in $(seq 1 300); do
    [[ "$(SQL_DB=postgres sql "$RESTORED" "$RESTORED_PORT" "select pg_is_in_recovery()" 2>/dev/null)" == "f" ]] && break
    sleep 0.2
done
[[ "$(SQL_DB=postgres sql "$RESTORED" "$RESTORED_PORT" "select pg_is_in_recovery()")" == "f" ]] || fail "the restored cluster did not finish recovery"
RESTORE_S=$(secs "$RESTORE_STARTED" "$(now_s)")
grep -E "recovery stopping|starting point-in-time recovery|archive recovery complete" "$RESTORED.log" | sed 's/^/    log: /' || true
echo "    restored and promoted in ${RESTORE_S} s"

say "checks on the restored cluster"
RESTORED_COUNTS=$(counts "$RESTORED" "$RESTORED_PORT")
echo "    restored:      $RESTORED_COUNTS"
[[ "$RESTORED_COUNTS" == "$AT_TARGET" ]] || fail "counts differ from those at the target time"
echo "    OK  counts equal those at the target time"
[[ "$(sql "$RESTORED" "$RESTORED_PORT" "select count(*) from ingestion_batch where id = $BATCH_B")" == 1 ]] \
    || fail "batch $BATCH_B (between backup and target) is missing"
echo "    OK  batch $BATCH_B, pushed after the base backup and before the target, is there (replayed from the WAL archive)"
[[ "$(sql "$RESTORED" "$RESTORED_PORT" "select count(*) from ingestion_batch where id = $BATCH_C")" == 0 ]] \
    || fail "batch $BATCH_C (after the target) is present"
[[ "$(sql "$RESTORED" "$RESTORED_PORT" "select count(*) from records_record where source_id like 'drill-c-%'")" == 0 ]] \
    || fail "records of batch $BATCH_C (after the target) are present"
echo "    OK  batch $BATCH_C and its records, pushed after the target, are absent"

say "the platform on the restored cluster (port $RESTORED_HTTP_PORT, no demo loader): the audit chain"
start_app restored "$RESTORED_HTTP_PORT" "jdbc:postgresql://127.0.0.1:$RESTORED_PORT/chengxin" --chengxin.demo.enabled=false
login "$RESTORED_HTTP_PORT" "$WORK/cookies" admin Chengxin2026
# the verifier walks the entries, then reads the head: entries written meanwhile (the platform's start, the login)
# make the head look ahead of the walk, so a broken answer is asked again once the platform is quiet
for attempt in 1 2 3 4 5 6; do
    VERIFICATION=$(curl -sf -b "$WORK/cookies" "http://localhost:$RESTORED_HTTP_PORT/actuator/auditchain") \
        || fail "GET /actuator/auditchain refused"
    echo "    /actuator/auditchain (attempt $attempt): $VERIFICATION"
    [[ "$VERIFICATION" == *'"intact":true'* ]] && break
    sleep 10
done
[[ "$VERIFICATION" == *'"intact":true'* ]] || fail "the audit chain does not verify on the restored database"
CHECKED=$(echo "$VERIFICATION" | sed 's/.*"entriesChecked":\([0-9]*\).*/\1/')
TARGET_AUDIT=$(echo "$AT_TARGET" | sed 's/.*audit_entries=\([0-9]*\).*/\1/')
[[ "$CHECKED" -ge "$TARGET_AUDIT" ]] || fail "the chain verified $CHECKED entries, fewer than the $TARGET_AUDIT at the target"
echo "    OK  the audit chain verifies: $CHECKED entries (the $TARGET_AUDIT of the target time and the logins since)"

echo
echo "BACKUP AND RESTORE DRILL PASSED ($(nproc) cores, PostgreSQL 15, $(secs "$DRILL_STARTED" "$(now_s)") s in all)"
echo "  database size:        $(numfmt --to=iec "$DB_BYTES") ($DB_BYTES bytes)"
echo "  base backup:          $(numfmt --to=iec "$BACKUP_BYTES") ($BACKUP_BYTES bytes, tar + gzip, WAL included) in ${BACKUP_S} s"
echo "  point-in-time restore: ${RESTORE_S} s (extract, replay the archived WAL to the target, promote)"
echo "  at the target:        $AT_TARGET"
