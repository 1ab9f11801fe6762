#!/usr/bin/env bash
# Reads on a replica (issue 17, item 7; docs/operations.md, "Reads on a replica"), on real streaming replication.
#
# Starts a Debian PostgreSQL 15 primary and a streaming replica made from it with pg_basebackup -R, runs the platform
# with chengxin.db.replica.url pointing at the replica, and shows:
#   1. a record pushed on the primary appears on the public 双公示 page, read from the replica, within the lag bound
#      (the replica's pg_stat_activity shows the platform's "chengxin-replica" connections, the primary's none);
#   2. /actuator/health/replication shows the lag;
#   3. with the replica's replay paused, a new record is not on the replica: once the lag passes the bound, health says
#      LAGGING and the same page is read from the primary (the record appears); replay resumed, reads go back.
# Exits non-zero on any failure. Ports: PostgreSQL 55432 (primary), 55433 (replica), HTTP 18303.
#
#   ops/replica-demo.sh                    # builds the jar; ~2 to 3 minutes on 2 cores
#   CHENGXIN_JAR=target/chengxin-…jar ops/replica-demo.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source ops/pg-lib.sh

PG_PORT=${REPLICA_PG_PORT:-55432}
REPLICA_PORT=$((PG_PORT + 1))
HTTP_PORT=${REPLICA_HTTP_PORT:-18303}
MAX_LAG=${REPLICA_MAX_LAG_SECONDS:-20}
STARTED=$(now_s)

build_jar
make_work replica
trap cleanup_all EXIT
trap "exit 1" TERM INT
make_keys
source "$WORK/keys.env"
PRIMARY=$WORK/primary
REPLICA=$WORK/replica

say "primary: PostgreSQL $("$PGBIN/postgres" -V | awk '{print $3}') on 127.0.0.1:$PG_PORT"
new_cluster "$PRIMARY" "$PG_PORT"
start_cluster "$PRIMARY"
create_app_database "$PRIMARY" "$PG_PORT" "$SPRING_DATASOURCE_PASSWORD"

say "replica: pg_basebackup -R of the primary, streaming, hot standby on 127.0.0.1:$REPLICA_PORT"
as_pg "$PGBIN/pg_basebackup" -h "$WORK/run" -p "$PG_PORT" -U postgres -D "$REPLICA" -R -Xstream -c fast
as_pg tee -a "$REPLICA/postgresql.conf" >/dev/null <<CONF
# ops/replica-demo.sh: the replica
port = $REPLICA_PORT
unix_socket_directories = '$WORK/run'
archive_mode = off
CONF
start_cluster "$REPLICA"
SQL_DB=postgres sql "$PRIMARY" "$PG_PORT" "select application_name || ' ' || state || ' (sync: ' || sync_state || ')' from pg_stat_replication" \
    | sed 's/^/    pg_stat_replication on the primary: /'

say "the platform (port $HTTP_PORT) on the primary, reads on the replica (max lag ${MAX_LAG} s)"
export CHENGXIN_DB_REPLICA_URL="jdbc:postgresql://127.0.0.1:$REPLICA_PORT/chengxin"
export CHENGXIN_DB_REPLICA_MAX_LAG="PT${MAX_LAG}S"
start_app platform "$HTTP_PORT" "jdbc:postgresql://127.0.0.1:$PG_PORT/chengxin" \
    --chengxin.db.replica.check-interval=PT1S --chengxin.portal.public-requests-per-minute=100000 --chengxin.portal.counts-kept=PT0S
wait_demo platform
health() { curl -sf "http://localhost:$HTTP_PORT/actuator/health/replication"; }
echo "    health: $(health)"
[[ "$(health)" == *'"reads":"replica"'* ]] || fail "reads are not on the replica"
TOKEN=$(api_token "$HTTP_PORT")

# seen DOCUMENT: whether the public 双公示 page (a read-only transaction) shows the decision of that number
seen() {
    local page
    # not "curl | grep -q": grep leaving early fails curl, and with it the pipeline (pipefail)
    page=$(curl -sf -G "http://localhost:$HTTP_PORT/public/double-publicity" --data-urlencode "doc=$1") || return 1
    [[ "$page" == *"<td>$1</td>"* || "$page" == *">$1<"* ]]
}

say "1. a decision pushed on the primary, looked for on the public page (read from the replica)"
# short: ten digits in a row would look like an ID number, which the public search refuses to look for
STAMP=$(( $(date +%s) % 100000 ))
rows "$WORK/one.csv" 1 "r$STAMP"
DOC1=$(sed -n '2s/.*,\(岳市监罚〔[0-9]*〕r[0-9]*-0号\),.*/\1/p' "$WORK/one.csv")
[[ -n "$DOC1" ]] || fail "no document number in the generated row"
push "$HTTP_PORT" "$TOKEN" "$WORK/one.csv"
PUSHED=$(now_s)
for _ in $(seq 1 300); do
    seen "$DOC1" && break
    sleep 0.1
done
seen "$DOC1" || fail "$DOC1 did not appear on the page"
VISIBLE_S=$(secs "$PUSHED" "$(now_s)")
echo "    $DOC1: batch $BATCH completed on the primary, on the page ${VISIBLE_S} s later (bound ${MAX_LAG} s)"
REPLICA_CONNECTIONS=$(sql "$REPLICA" "$REPLICA_PORT" "select count(*) from pg_stat_activity where application_name = 'chengxin-replica'")
PRIMARY_TAGGED=$(sql "$PRIMARY" "$PG_PORT" "select count(*) from pg_stat_activity where application_name = 'chengxin-replica'")
echo "    connections named chengxin-replica: $REPLICA_CONNECTIONS on the replica, $PRIMARY_TAGGED on the primary"
[[ "$REPLICA_CONNECTIONS" -gt 0 && "$PRIMARY_TAGGED" -eq 0 ]] || fail "the replica pool is not on the replica"
awk -v v="$VISIBLE_S" -v b="$MAX_LAG" 'BEGIN { exit !(v <= b) }' || fail "visible after ${VISIBLE_S} s, over the bound"

say "2. health shows the lag"
sleep 1.5
echo "    $(health)"

say "3. replay paused on the replica: a new decision is not there; over the bound, reads go to the primary"
# a fresh commit replayed first: while replay is paused the lag is the age of the last transaction replayed
SQL_DB=postgres sql "$PRIMARY" "$PG_PORT" "create table if not exists heartbeat (at timestamptz); insert into heartbeat values (now())"
for _ in $(seq 1 100); do
    [[ "$(SQL_DB=postgres sql "$REPLICA" "$REPLICA_PORT" "select pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() and exists (select 1 from heartbeat)" 2>/dev/null)" == t ]] && break
    sleep 0.1
done
sql "$REPLICA" "$REPLICA_PORT" "select pg_wal_replay_pause()" >/dev/null
rows "$WORK/two.csv" 1 "s$STAMP"
DOC2=$(sed -n '2s/.*,\(岳市监罚〔[0-9]*〕s[0-9]*-0号\),.*/\1/p' "$WORK/two.csv")
push "$HTTP_PORT" "$TOKEN" "$WORK/two.csv"
PAUSED=$(now_s)
if seen "$DOC2"; then
    fail "$DOC2 visible at once although the replica does not replay (reads not on the replica?)"
fi
echo "    $DOC2 pushed; not on the page (the replica is behind): $(health)"
for _ in $(seq 1 $((MAX_LAG * 10 + 100))); do
    [[ "$(health)" == *'"status":"LAGGING"'* ]] && break
    sleep 0.2
done
[[ "$(health)" == *'"status":"LAGGING"'* ]] || fail "health did not report the lag"
echo "    after $(secs "$PAUSED" "$(now_s)") s: $(health)"
seen "$DOC2" || fail "$DOC2 not on the page although reads fell back to the primary"
echo "    $DOC2 now on the page: read from the primary"
sql "$REPLICA" "$REPLICA_PORT" "select pg_wal_replay_resume()" >/dev/null
RESUMED=$(now_s)
for _ in $(seq 1 100); do
    [[ "$(health)" == *'"reads":"replica"'* ]] && break
    sleep 0.2
done
[[ "$(health)" == *'"reads":"replica"'* ]] || fail "reads did not go back to the replica"
echo "    replay resumed; reads back on the replica after $(secs "$RESUMED" "$(now_s)") s: $(health)"
seen "$DOC2" || fail "$DOC2 not on the page from the caught-up replica"

echo
echo "REPLICA DEMO PASSED ($(secs "$STARTED" "$(now_s)") s in all): a push on the primary on the replica's page in ${VISIBLE_S} s (bound ${MAX_LAG} s)"
