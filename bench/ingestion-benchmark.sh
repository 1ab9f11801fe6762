#!/usr/bin/env bash
# Ingestion benchmark against its storage floor (issue 17, item 1).
#
# Pushes ROWS synthetic records (default 1,000,000, every row a different made-up person) as one CSV through the real
# HTTP endpoint of the packaged platform, running with -Xmx512m on its embedded PostgreSQL, and times it until the
# batch has ended. Then, in the same run on the same server, it measures the floor: the very rows the push stored
# (its subjects in identity_subject, its records in records_record, its entries in the recomputation queue
# evaluation_pending, its changes in the exchange's feed exchange_change) are exported with COPY (untimed) and loaded with COPY, one table after the other, into copies
# of those tables made with `create table x_floor (like x including all)`: same columns, defaults, constraints and
# every index. Prints push time, floor time, the ratio floor / push (target: at least 0.8) and the largest heap used
# by the server during the push (sampled with jstat every 200 ms).
#
# The recomputation queue is paused (queue-interval PT24H) so that the queue entries stay as the push stored them and
# the worker does not compete with the push or the floor; the notifications run in the foreground only.
# Needs Java 17, curl, bc, psql (the PostgreSQL client), jstat, python3. Takes about 4 minutes at 1,000,000 rows on
# 2 cores (build, 1 minute of generation and start, the push, the floor). BENCH_SKIP_BUILD=1 reuses target/*.jar.
# The data directory (target/bench, about 2 GB at a million rows) is deleted at the end unless BENCH_KEEP=1.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# push_batch, client_token, field
source bench/lib.sh
ROWS=${1:-1000000}
PORT=${BENCH_HTTP_PORT:-18080}
PG_PORT=${BENCH_PG_PORT:-15432}
WORK=target/bench
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h localhost -p "$PG_PORT" -U postgres -d chengxin)
export PGPASSWORD=postgres
rm -rf "$WORK" && mkdir -p "$WORK"
WORK_ABS=$(cd "$WORK" && pwd)

if [[ "${BENCH_SKIP_BUILD:-0}" != 1 ]]; then
    echo "==> building the application jar"
    ./mvnw -q -B -DskipTests package
fi
JAR=$(ls target/chengxin-*.jar | grep -v plain | head -n 1)

echo "==> generating $ROWS rows"
java bench/GenerateRows.java "$ROWS" "$WORK/rows.csv"
ls -lh "$WORK/rows.csv" | awk '{print "    file size " $5}'

echo "==> starting the platform (-Xmx512m, embedded PostgreSQL on port $PG_PORT, recomputation queue paused)"
java -Xmx512m ${BENCH_JAVA_OPTS:-} -jar "$JAR" --server.port="$PORT" --chengxin.data-dir="$WORK/data" \
    --chengxin.embedded.port="$PG_PORT" --chengxin.demo.citizens=0 --chengxin.demo.records-per-item=0 \
    --chengxin.evaluation.queue-interval=PT24H --chengxin.notifications.background=false > "$WORK/server.log" 2>&1 &
SERVER=$!
JSTAT=
cleanup() {
    [[ -n "$JSTAT" ]] && kill "$JSTAT" 2>/dev/null || true
    kill $SERVER 2>/dev/null || true
    wait $SERVER 2>/dev/null || true
    [[ "${BENCH_KEEP:-0}" == 1 ]] || rm -rf "$WORK/data" "$WORK"/floor-*.copy
}
trap cleanup EXIT
for _ in $(seq 1 600); do
    curl -sf "http://localhost:$PORT/actuator/health" >/dev/null 2>&1 && break
    sleep 1
done
sleep 3

curl -sf "http://localhost:$PORT/actuator/health" >/dev/null || { echo "the platform did not start: see $WORK/server.log"; exit 1; }
TOKEN=$(client_token "http://localhost:$PORT" demo-scjg demo-scjg-secret-2026 records:write)
"${PSQL[@]}" -c "checkpoint"

echo "==> pushing through POST /api/v1/record-batches (heap sampled every 200 ms with jstat)"
jstat -gc $SERVER 200 > "$WORK/jstat.txt" &
JSTAT=$!
START=$(date +%s.%N)
REPORT=$(push_batch "http://localhost:$PORT" "$WORK/rows.csv" "echo $TOKEN" 0.2)
STATUS=$(field "$REPORT" status)
BATCH=$(field "$REPORT" id)
END=$(date +%s.%N)
kill $JSTAT 2>/dev/null || true
JSTAT=
ACCEPTED=$(echo "$REPORT" | sed 's/.*"accepted":\([0-9]*\).*/\1/')
REJECTED=$(echo "$REPORT" | sed 's/.*"rejected":\([0-9]*\).*/\1/')
PUSH_S=$(echo "$END - $START" | bc)
echo "    status $STATUS, accepted $ACCEPTED, rejected $REJECTED, ${PUSH_S}s"
HEAP=$(python3 - "$WORK/jstat.txt" <<'PY'
import sys
lines = [l.split() for l in open(sys.argv[1]) if l.strip()]
header = lines[0]
used, old = [], []
for r in lines[1:]:
    if r[0] == 'S0C':
        continue
    d = dict(zip(header, r))
    try:
        used.append(sum(float(d[k]) for k in ('S0U', 'S1U', 'EU', 'OU')) / 1024)
        old.append(float(d['OU']) / 1024)
    except (KeyError, ValueError):
        pass
print("max %.0f MB used (old generation at most %.0f MB), %d samples" % (max(used), max(old), len(used)) if used else "no samples")
PY
)

echo "==> the floor: the rows the push stored, exported (untimed), then loaded with COPY into copies of the tables"
# exchange_change: the change feed for the platforms above the city (issue 18), written in the push's transactions
TABLES=(identity_subject records_record evaluation_pending exchange_change)
declare -A SELECTS=(
    [identity_subject]="select s.* from identity_subject s where s.id in (select subject_id from records_record where batch_id = $BATCH) order by s.id"
    [records_record]="select * from records_record where batch_id = $BATCH order by id"
    [evaluation_pending]="select * from evaluation_pending where record_id in (select id from records_record where batch_id = $BATCH) order by queued_at, subject_index"
    [exchange_change]="select * from exchange_change where record_id in (select id from records_record where batch_id = $BATCH) order by id"
)
for t in "${TABLES[@]}"; do
    "${PSQL[@]}" -c "\\copy (${SELECTS[$t]}) to '$WORK_ABS/floor-$t.copy'"
    "${PSQL[@]}" -c "drop table if exists ${t}_floor; create table ${t}_floor (like $t including all)"
done
"${PSQL[@]}" -c "checkpoint"
declare -A FLOOR_S
FLOOR_TOTAL=0
for t in "${TABLES[@]}"; do
    S=$(date +%s.%N)
    "${PSQL[@]}" -c "\\copy ${t}_floor from '$WORK_ABS/floor-$t.copy'"
    E=$(date +%s.%N)
    FLOOR_S[$t]=$(echo "$E - $S" | bc)
    FLOOR_TOTAL=$(echo "$FLOOR_TOTAL + ${FLOOR_S[$t]}" | bc)
done
FLOOR_ROWS=""
for t in "${TABLES[@]}"; do
    n=$("${PSQL[@]}" -At -c "select count(*) from ${t}_floor")
    idx=$("${PSQL[@]}" -At -c "select count(*) from pg_indexes where tablename = '${t}_floor'")
    FLOOR_ROWS+=$(printf "    %-20s %9s rows, %2s indexes, %7.1f s" "$t" "$n" "$idx" "${FLOOR_S[$t]}")$'\n'
done
SIZES=$("${PSQL[@]}" -At -c "select string_agg(c || ' ' || pg_size_pretty(pg_total_relation_size(c::regclass)), ', ')
    from unnest(array['identity_subject_floor', 'records_record_floor', 'evaluation_pending_floor', 'exchange_change_floor']) c")
for t in "${TABLES[@]}"; do
    "${PSQL[@]}" -c "drop table ${t}_floor"
done

echo
echo "INGESTION BENCHMARK ($ROWS rows, one CSV, server -Xmx512m, $(nproc) cores, $(date -u +%FT%TZ))"
grep -o "处理 [0-9]* 行：.*" "$WORK/server.log" | tail -n 1 | sed 's/^/  server phases: /' || true
printf "  push (HTTP, checked, names, subjects, encrypted, records, queue): %8.1f s  (%s rows/s)\n" "$PUSH_S" \
    "$(echo "$ACCEPTED / $PUSH_S" | bc)"
printf "  floor (COPY of the same stored rows into copies of the tables):   %8.1f s\n" "$FLOOR_TOTAL"
printf "%s" "$FLOOR_ROWS"
echo "    sizes: $SIZES"
printf "  ratio floor / push: %.2f   (target: at least 0.80)\n" "$(echo "scale=4; $FLOOR_TOTAL / $PUSH_S" | bc)"
echo "  server heap during the push (-Xmx512m): $HEAP"
