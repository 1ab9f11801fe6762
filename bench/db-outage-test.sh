#!/usr/bin/env bash
# Database outage test (issue 17, item 10): the platform runs on a PostgreSQL 15 cluster of its own (Debian's binaries,
# initdb in a temporary directory, run as the postgres user when started as root); under a constant load of API reads
# the cluster is stopped for OUTAGE seconds (default 30) and started again. Checks: every answer is 200 or 503 (the
# 503s a problem detail DATABASE_UNAVAILABLE), no 503 took longer than 5 s (the pool waits 2 s, not 30), health says
# DOWN during the outage, the last 10 s are all 200 again without a restart of the platform, and a push that was
# running when the database went away ends as failed or interrupted and, pushed again, stores every row once.
#
#   bench/db-outage-test.sh            BENCH_SKIP_BUILD=1 to use the jar already in target/
#
# Needs Java 17, curl, python3, PostgreSQL 15 (/usr/lib/postgresql/15/bin).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PORT=${OUTAGE_HTTP_PORT:-18230}
PG_PORT=${OUTAGE_PG_PORT:-18231}
OUTAGE=${OUTAGE_SECONDS:-30}
ROWS=${OUTAGE_ROWS:-100000}
THREADS=${OUTAGE_THREADS:-8}
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
WORK=target/db-outage-test
BASE="http://localhost:$PORT"
rm -rf "$WORK" && mkdir -p "$WORK"

# fail, check and bench_jar
source bench/lib.sh

bench_jar
java bench/GenerateRows.java "$ROWS" "$WORK/rows.csv"

# PostgreSQL refuses to run as root: as root the cluster belongs to the postgres user
PGDIR=$(mktemp -d /tmp/chengxin-outage-pg.XXXXXX)
if [[ $(id -u) == 0 ]]; then
    chown postgres "$PGDIR"
    as_pg() { (cd / && runuser -u postgres -- "$@"); }
else
    as_pg() { "$@"; }
fi
pg_start() {
    as_pg "$PG_BIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/log" -w -o "-p $PG_PORT -k $PGDIR -c listen_addresses=localhost" start >/dev/null
}
pg_stop() {
    as_pg "$PG_BIN/pg_ctl" -D "$PGDIR/data" -m fast -w stop >/dev/null
}
SERVER=
cleanup() {
    if [[ -n "$SERVER" ]]; then
        kill "$SERVER" 2>/dev/null || true
        wait "$SERVER" 2>/dev/null || true
    fi
    pg_stop 2>/dev/null || true
    rm -rf "$PGDIR"
}
trap cleanup EXIT

echo "==> PostgreSQL 15 cluster on port $PG_PORT ($PGDIR)"
as_pg "$PG_BIN/initdb" -D "$PGDIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
pg_start
psql -h localhost -p "$PG_PORT" -U postgres -d postgres -qc "create database chengxin" >/dev/null
sql() {
    psql -h localhost -p "$PG_PORT" -U postgres -d chengxin -v ON_ERROR_STOP=1 -qtAc "$1"
}

echo "==> starting the platform (-Xmx512m) on it"
java -Xmx512m -jar "$JAR" --server.port="$PORT" --chengxin.data-dir="$WORK/data" \
    --spring.datasource.url="jdbc:postgresql://localhost:$PG_PORT/chengxin" --spring.datasource.username=postgres \
    --chengxin.demo.citizens=0 --chengxin.demo.records-per-item=0 --chengxin.ingestion.interrupted-after=PT20S \
    --chengxin.notifications.background=false > "$WORK/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 900); do
    curl -sf "$BASE/actuator/health" >/dev/null 2>&1 && break
    kill -0 "$SERVER" 2>/dev/null || fail "the platform did not start (see $WORK/server.log)"
    sleep 1
done
TOKEN=$(curl -sf -u demo-scjg:demo-scjg-secret-2026 -d grant_type=client_credentials -d scope=records:write \
    "$BASE/oauth2/token" | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
json() {
    python3 -c 'import json,sys; print(json.load(sys.stdin).get(sys.argv[1]))' "$1"
}
# a small batch: the load reads its report, one query of the database per request
SMALL=$(head -n 11 "$WORK/rows.csv" | sed 's/^bench-/small-/')
echo "$SMALL" > "$WORK/small.csv"
SMALL_BATCH=$(curl -sf -H "Authorization: Bearer $TOKEN" -F "file=@$WORK/small.csv;filename=small.csv" "$BASE/api/v1/record-batches" | json id)
sleep 2

PROBE_SECONDS=$((OUTAGE + 40))
echo "==> load: $THREADS threads reading GET /api/v1/record-batches/$SMALL_BATCH for $PROBE_SECONDS s; the database stops at 10 s for $OUTAGE s"
python3 bench/OutageProbe.py "$BASE/api/v1/record-batches/$SMALL_BATCH" "$PROBE_SECONDS" "$THREADS" "$TOKEN" > "$WORK/probe.txt" &
PROBE=$!
# a push of ROWS rows that is running when the database goes away
BATCH=$(curl -sf -H "Authorization: Bearer $TOKEN" -F "file=@$WORK/rows.csv;filename=rows.csv" "$BASE/api/v1/record-batches" | json id)
sleep 10
pg_stop
echo "    database stopped"
sleep 3
HEALTH=$(curl -s -o "$WORK/health.json" -w '%{http_code}' "$BASE/actuator/health" || true)
PAGE=$(curl -s -o "$WORK/page.html" -w '%{http_code}' "$BASE/public/double-publicity" || true)
curl -s -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/record-batches/$SMALL_BATCH" > "$WORK/problem.json" || true
sleep $((OUTAGE - 3))
pg_start
echo "    database started again"
wait "$PROBE" || true
grep -v '^{' "$WORK/probe.txt"
SUMMARY=$(tail -n 1 "$WORK/probe.txt")

echo "==> checks"
check "health during the outage" "$HEALTH $(grep -o '"status":"[A-Z]*"' "$WORK/health.json" | head -n 1)" '503 "status":"DOWN"'
check "page during the outage" "$PAGE $(grep -c '数据库暂时无法访问' "$WORK/page.html")" "503 1"
check "problem code during the outage" "$(json code < "$WORK/problem.json")" "DATABASE_UNAVAILABLE"
OTHER=$(echo "$SUMMARY" | python3 -c 'import json,sys; s=json.load(sys.stdin)["statuses"]; print(sum(n for k, n in s.items() if k not in ("200", "503")))')
check "answers other than 200 and 503" "$OTHER" "0"
COUNT_503=$(echo "$SUMMARY" | python3 -c 'import json,sys; print(json.load(sys.stdin)["statuses"].get("503", 0))')
[[ "$COUNT_503" -gt 0 ]] || fail "no 503 during the outage"
MAX_503=$(echo "$SUMMARY" | python3 -c 'import json,sys; print(round(json.load(sys.stdin)["max503"], 2))')
python3 -c "import sys; sys.exit(0 if $MAX_503 < 5 else 1)" || fail "a 503 took $MAX_503 s (fail fast: under 5 s)"
echo "    ok  503 answers: $COUNT_503, the slowest ${MAX_503} s"
LAST=$(echo "$SUMMARY" | python3 -c 'import json,sys; s=json.load(sys.stdin)["lastStatuses"]; print(",".join(sorted(s)))')
check "statuses of the last 10 s (recovered by itself)" "$LAST" "200"
check "health after the outage" "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/actuator/health")" "200"

echo "==> the push the outage cut"
for _ in $(seq 1 120); do
    STATUS=$(curl -sf -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/record-batches/$BATCH" | json status)
    [[ "$STATUS" == "PROCESSING" || "$STATUS" == "RECEIVED" ]] || break
    sleep 1
done
STORED=$(sql "select count(*) from records_record where source_id like 'bench-%'")
echo "    batch $BATCH: $STATUS, $STORED records stored"
[[ "$STATUS" != "PROCESSING" && "$STATUS" != "RECEIVED" ]] || fail "the cut push is still $STATUS"
check "records stored twice" "$((STORED - $(sql "select count(distinct source_id) from records_record where source_id like 'bench-%'")))" "0"
BATCH2=$(curl -sf -H "Authorization: Bearer $TOKEN" -F "file=@$WORK/rows.csv;filename=rows.csv" "$BASE/api/v1/record-batches" | json id)
while true; do
    REPORT=$(curl -sf -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/record-batches/$BATCH2")
    STATUS2=$(echo "$REPORT" | json status)
    [[ "$STATUS2" == "PROCESSING" || "$STATUS2" == "RECEIVED" ]] || break
    sleep 0.5
done
check "the same file pushed again" "$STATUS2" "COMPLETED"
check "rows stored before the outage found unchanged" "$(echo "$REPORT" | json unchanged)" "$STORED"
check "records lost" "$((ROWS - $(sql "select count(distinct source_id) from records_record where source_id like 'bench-%'")))" "0"
check "records duplicated" "$(( $(sql "select count(*) from records_record where source_id like 'bench-%'") - ROWS ))" "0"

echo
echo "DB OUTAGE TEST PASSED ($OUTAGE s down under $THREADS threads of load, $(nproc) cores): $COUNT_503 answers 503"
echo "  DATABASE_UNAVAILABLE, the slowest ${MAX_503} s, nothing but 200 and 503, all 200 again by itself; the cut push"
echo "  ended $STATUS with $STORED records, pushed again 0 lost and 0 duplicated"
