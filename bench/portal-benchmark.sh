#!/usr/bin/env bash
# Public portal benchmark (issue 15): pushes ROWS synthetic administrative-penalty records (default 1,000,000; all
# public, general severity, decided within the last 300 days, so all published in 双公示) through the real endpoint
# of the packaged platform on its embedded PostgreSQL, then measures in the same run the latency of the public home,
# of 双公示 pages and searches, of the serious-dishonesty list and, as the floor, of a trivial endpoint
# (/actuator/health) with bench/LatencyProbe.java (REQUESTS requests each from CONCURRENCY threads, after a warm-up).
# The recomputation queue and the notifications (a million notices of new dishonesty records) are paused, so that
# the figures are the portal's alone. Needs Java 17, curl, python3.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# push_batch, client_token, field
source bench/lib.sh
ROWS=${1:-1000000}
REQUESTS=${BENCH_REQUESTS:-400}
CONCURRENCY=${BENCH_CONCURRENCY:-4}
PORT=${BENCH_HTTP_PORT:-18081}
PG_PORT=${BENCH_PG_PORT:-15433}
WORK=target/bench-portal
rm -rf "$WORK" && mkdir -p "$WORK"

if [[ -z "${BENCH_SKIP_BUILD:-}" ]]; then
    echo "==> building the application jar"
    ./mvnw -q -B -DskipTests package
fi
JAR=$(ls target/chengxin-*.jar | grep -v plain | head -n 1)

echo "==> generating $ROWS rows"
java bench/GenerateRows.java "$ROWS" "$WORK/rows.csv"

echo "==> starting the platform (-Xmx1g, embedded PostgreSQL on port $PG_PORT)"
java -Xmx1g -jar "$JAR" --server.port="$PORT" --chengxin.data-dir="$WORK/data" --chengxin.embedded.port="$PG_PORT" \
    --chengxin.demo.citizens=0 --chengxin.demo.records-per-item=0 --chengxin.evaluation.queue-interval=PT24H \
    --chengxin.portal.public-requests-per-minute=1000000 --chengxin.notifications.background=false > "$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do
    curl -sf "http://localhost:$PORT/actuator/health" >/dev/null 2>&1 && break
    sleep 1
done
sleep 3

TOKEN=$(client_token "http://localhost:$PORT" demo-scjg demo-scjg-secret-2026 records:write)
echo "==> pushing $ROWS records through POST /api/v1/record-batches"
START=$(date +%s)
REPORT=$(push_batch "http://localhost:$PORT" "$WORK/rows.csv" "echo $TOKEN")
echo "    $(echo "$REPORT" | sed 's/.*"accepted":\([0-9]*\).*/accepted \1/'), $(( $(date +%s) - START ))s"
PUBLISHED=$(curl -sf "http://localhost:$PORT/api/v1/public/double-publicity?size=1" | sed 's/.*"total":\([0-9]*\).*/\1/')
echo "    published in 双公示: $PUBLISHED"

BASE="http://localhost:$PORT"
DOC=$(python3 -c 'import urllib.parse;print(urllib.parse.quote("〕123456号"))')
YEAR=$(date +%Y)
echo
echo "PORTAL BENCHMARK ($ROWS records pushed, $REQUESTS requests per URL from $CONCURRENCY threads, $(nproc) cores)"
java bench/LatencyProbe.java "$REQUESTS" "$CONCURRENCY" \
    "$BASE/actuator/health" \
    "$BASE/" \
    "$BASE/public/double-publicity" \
    "$BASE/public/double-publicity?page=40" \
    "$BASE/public/double-publicity?doc=$DOC" \
    "$BASE/public/double-publicity?from=$YEAR-06-01&to=$YEAR-06-30" \
    "$BASE/public/serious-dishonesty" \
    "$BASE/api/v1/public/double-publicity?size=100"
