#!/usr/bin/env bash
# Soak (issue 17, item 12): the packaged platform (-Xmx1g, embedded PostgreSQL) under a mix of what its users do for
# MINUTES minutes at SOAK_SHARE (70 %) of the capacity measured first in the same run, with the figures the issue
# asks for: 0 errors, heap and connection pool flat, p99 stable (bench/Soak.java prints a line a minute and the
# verdict, and exits 1 when a criterion fails).
#
#   bench/soak.sh [MINUTES [PEOPLE]]     defaults: 30 minutes, 100,000 people
#
# 1. PEOPLE synthetic people are loaded through the ingestion API (bench/GenerateCheckPeople.java: a penalty each,
#    grave penalties and good-credit records for some), and their scores computed (the queue drained). Their notices
#    are the load's work, not the soak's: the load runs with the background notifications off, and the notices'
#    cursor is then moved past the loaded records.
# 2. The platform is started again with every background job on (recomputation queue, notices, deliveries, the
#    audit chain writer) and a GC log; the demo officer logs in (a page session, stored in PostgreSQL).
# 3. Capacity: after a warm-up of SOAK_WARMUP_SECONDS (60, not counted: the JIT compiles), the mix closed loop
#    (SOAK_WORKERS, 32, requests in flight) for SOAK_CAPACITY_SECONDS (60), pushes beside it.
# 4. The soak: the mix open loop at SOAK_SHARE x capacity for MINUTES minutes, a push of PUSH_ROWS (500) new
#    penalties every PUSH_SECONDS (20) beside it.
# Mix: measure checks 45 %, JSON credit reports 10 %, public pages and API 30 %, the officer's records list 15 %.
# The public pages' per-address rate limit is lifted (every request comes from one address).
# BENCH_SKIP_BUILD=1 uses the jar in target/; BENCH_SKIP_LOAD=1 reuses the loaded data of the previous run.
# Needs Java 17, curl, psql (the PostgreSQL client). Duration: load (100,000 people: about 3 minutes), 2 starts,
# 2 minutes of warm-up and capacity, MINUTES of soak.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
MINUTES=${1:-30}
PEOPLE=${2:-100000}
PORT=${SOAK_HTTP_PORT:-18310}
PG_PORT=${SOAK_PG_PORT:-18311}
SHARE=${SOAK_SHARE:-0.7}
WORK=target/bench-soak
URL="http://localhost:$PORT"
T0=$SECONDS

# bench_jar (and fail, check)
source bench/lib.sh
bench_jar
if [[ "${BENCH_SKIP_LOAD:-0}" != 1 ]]; then
    rm -rf "$WORK" && mkdir -p "$WORK"
    echo "==> generating $PEOPLE people"
    java bench/GenerateCheckPeople.java "$PEOPLE" "$WORK" >/dev/null
fi
rm -f "$WORK/gc.log"

SERVER=
stop_server() {
    if [[ -n "$SERVER" ]]; then
        kill "$SERVER" 2>/dev/null || true
        wait "$SERVER" 2>/dev/null || true
        SERVER=
    fi
}
trap stop_server EXIT
start_server() { # extra arguments
    java -Xms1g -Xmx1g -Xlog:gc:file="$WORK/gc.log" -jar "$JAR" --server.port="$PORT" --chengxin.data-dir="$WORK/data" \
        --chengxin.embedded.port="$PG_PORT" --chengxin.demo.citizens=0 --chengxin.demo.records-per-item=0 \
        --chengxin.portal.public-requests-per-minute=100000000 "$@" >> "$WORK/server.log" 2>&1 &
    SERVER=$!
    for _ in $(seq 1 600); do
        curl -sf "$URL/actuator/health" >/dev/null 2>&1 && return 0
        kill -0 "$SERVER" 2>/dev/null || { tail -n 30 "$WORK/server.log" >&2; exit 1; }
        sleep 1
    done
    echo "the platform did not start" >&2
    exit 1
}
sql() { PGPASSWORD=postgres psql -X -tAq -h localhost -p "$PG_PORT" -U postgres -d chengxin -c "$1"; }
token() {
    curl -sf -u demo-scjg:demo-scjg-secret-2026 -d grant_type=client_credentials -d scope="$1" "$URL/oauth2/token" \
        | sed 's/.*"access_token":"\([^"]*\)".*/\1/'
}
push() {
    local file=$1 tok batch report status
    tok=$(token records:write)
    batch=$(curl -sf -H "Authorization: Bearer $tok" -F "file=@$file;filename=$(basename "$file")" \
        "$URL/api/v1/record-batches" | sed 's/.*"id":\([0-9]*\).*/\1/')
    while true; do
        report=$(curl -sf -H "Authorization: Bearer $tok" "$URL/api/v1/record-batches/$batch")
        status=$(echo "$report" | sed 's/.*"status":"\([A-Z_]*\)".*/\1/')
        [[ "$status" == "PROCESSING" || "$status" == "RECEIVED" ]] || break
        sleep 1
    done
    echo "    $(basename "$file"): $status, accepted $(echo "$report" | sed 's/.*"accepted":\([0-9]*\).*/\1/')"
    [[ "$status" == COMPLETED ]]
}

if [[ "${BENCH_SKIP_LOAD:-0}" != 1 ]]; then
    echo "==> loading $PEOPLE people through POST /api/v1/record-batches (background notices off)"
    start_server --chengxin.notifications.background=false
    L0=$SECONDS
    push "$WORK/penalties.csv"
    push "$WORK/grave.csv"
    push "$WORK/honours.csv"
    echo "    pushed in $((SECONDS - L0)) s; waiting for the recomputation queue to drain"
    for _ in $(seq 1 1800); do
        [[ "$(sql "select count(*) from evaluation_pending")" == "0" ]] && break
        sleep 1
    done
    echo "    loaded and scored in $((SECONDS - L0)) s: $(sql "select count(*) from records_record") records, $(sql "select count(*) from evaluation_score") scores"
    sql "update notifications_cursor set last_id = (select coalesce(max(id), 0) from records_record) where name = 'dishonesty-records'" >/dev/null
    stop_server
fi

echo "==> starting the platform for the soak (-Xmx1g, every background job on, GC log $WORK/gc.log)"
start_server
sleep 5
export SOAK_PSQL="PGPASSWORD=postgres psql -X -h localhost -p $PG_PORT -U postgres -d chengxin"
WORKERS=${SOAK_WORKERS:-32}
CAPACITY_SECONDS=${SOAK_CAPACITY_SECONDS:-60}
WARMUP_SECONDS=${SOAK_WARMUP_SECONDS:-60}
echo "==> warm-up: the mix closed loop, $WORKERS in flight, $WARMUP_SECONDS s (not counted)"
java bench/Soak.java capacity "$WORKERS" "$WARMUP_SECONDS" "$URL" "$WORK/penalties.csv" "$WORK/gc.log" | sed 's/^/    warm-up: /'
echo "==> capacity: the mix closed loop, $WORKERS in flight, $CAPACITY_SECONDS s (pushes beside it)"
java bench/Soak.java capacity "$WORKERS" "$CAPACITY_SECONDS" "$URL" "$WORK/penalties.csv" "$WORK/gc.log" | tee "$WORK/capacity.txt"
CAPACITY=$(sed -n 's/^capacity \([0-9]*\) req\/s.*/\1/p' "$WORK/capacity.txt")
RATE=$(python3 -c "print(max(1, round($CAPACITY * $SHARE)))")
echo "==> soak: $RATE req/s ($SHARE of $CAPACITY) open loop for $MINUTES minutes"
set +e
java -Xmx1g bench/Soak.java soak "$RATE" "$((MINUTES * 60))" "$URL" "$WORK/penalties.csv" "$WORK/gc.log" | tee "$WORK/soak.txt"
VERDICT=${PIPESTATUS[0]}
set -e
echo "    $(sql "select count(*) from records_record") records, $(sql "select count(*) from inquiry_report") reports," \
    "$(sql "select count(*) from measures_check") checks stored; database $(sql "select pg_size_pretty(pg_database_size('chengxin'))")"
echo "    capacity measured $CAPACITY req/s; soak at $RATE req/s; $(nproc) cores; whole run $((SECONDS - T0)) s"
exit "$VERDICT"
