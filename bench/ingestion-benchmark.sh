#!/usr/bin/env bash
# Ingestion benchmark: pushes ROWS synthetic records (default 1,000,000) as one CSV through the real
# HTTP endpoint of the packaged platform, running with -Xmx512m on its embedded PostgreSQL, and in
# the same run loads the same file with PostgreSQL's COPY (psql \copy) into a scratch table of the
# same server. Prints both rates and their ratio. Needs Java 17, curl, bc and psql (the PostgreSQL client).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROWS=${1:-1000000}
PORT=${BENCH_HTTP_PORT:-18080}
PG_PORT=${BENCH_PG_PORT:-15432}
WORK=target/bench
rm -rf "$WORK" && mkdir -p "$WORK"

echo "==> building the application jar"
./mvnw -q -B -DskipTests package
JAR=$(ls target/chengxin-*.jar | grep -v plain | head -n 1)

echo "==> generating $ROWS rows"
java bench/GenerateRows.java "$ROWS" "$WORK/rows.csv"
ls -lh "$WORK/rows.csv" | awk '{print "    file size " $5}'

echo "==> starting the platform (-Xmx512m, embedded PostgreSQL on port $PG_PORT)"
java -Xmx512m ${BENCH_JAVA_OPTS:-} -jar "$JAR" --server.port="$PORT" --chengxin.data-dir="$WORK/data" --chengxin.embedded.port="$PG_PORT" \
    --chengxin.demo.citizens=0 --chengxin.demo.records-per-item=0 > "$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
    curl -sf "http://localhost:$PORT/actuator/health" >/dev/null 2>&1 && break
    sleep 1
done
sleep 3

TOKEN=$(curl -sf -u demo-scjg:demo-scjg-secret-2026 -d grant_type=client_credentials -d scope=records:write \
    "http://localhost:$PORT/oauth2/token" | sed 's/.*"access_token":"\([^"]*\)".*/\1/')

echo "==> pushing through POST /api/v1/record-batches"
START=$(date +%s.%N)
BATCH=$(curl -sf -H "Authorization: Bearer $TOKEN" -F "file=@$WORK/rows.csv;filename=rows.csv" \
    "http://localhost:$PORT/api/v1/record-batches" | sed 's/.*"id":\([0-9]*\).*/\1/')
while true; do
    REPORT=$(curl -sf -H "Authorization: Bearer $TOKEN" "http://localhost:$PORT/api/v1/record-batches/$BATCH")
    STATUS=$(echo "$REPORT" | sed 's/.*"status":"\([A-Z]*\)".*/\1/')
    [[ "$STATUS" == "PROCESSING" || "$STATUS" == "RECEIVED" ]] || break
    sleep 0.5
done
END=$(date +%s.%N)
ACCEPTED=$(echo "$REPORT" | sed 's/.*"accepted":\([0-9]*\).*/\1/')
REJECTED=$(echo "$REPORT" | sed 's/.*"rejected":\([0-9]*\).*/\1/')
PLATFORM_S=$(echo "$END - $START" | bc)
echo "    status $STATUS, accepted $ACCEPTED, rejected $REJECTED, ${PLATFORM_S}s"

echo "==> loading the same file with COPY into a scratch table"
export PGPASSWORD=postgres
psql -q -h localhost -p "$PG_PORT" -U postgres -d chengxin -c "drop table if exists bench_scratch;
    create table bench_scratch (source_id text, item_code text, id_number text, name text, decision_date date,
    document_number text, penalty_type text, facts text, penalty_result text, fine_amount numeric, authority text)"
START=$(date +%s.%N)
psql -q -h localhost -p "$PG_PORT" -U postgres -d chengxin -c "\\copy bench_scratch from '$WORK/rows.csv' with (format csv, header)"
END=$(date +%s.%N)
COPY_S=$(echo "$END - $START" | bc)
psql -q -h localhost -p "$PG_PORT" -U postgres -d chengxin -c "drop table bench_scratch"

PLATFORM_RATE=$(echo "$ACCEPTED / $PLATFORM_S" | bc)
COPY_RATE=$(echo "$ROWS / $COPY_S" | bc)
echo
echo "INGESTION BENCHMARK ($ROWS rows, one CSV, server -Xmx512m, $(nproc) cores)"
grep -o "处理 [0-9]* 行：.*" "$WORK/server.log" | tail -n 1 | sed 's/^/  server phases: /' || true
printf "  platform (HTTP, checked, encrypted, stored): %8s rows/s  (%ss)\n" "$PLATFORM_RATE" "$PLATFORM_S"
printf "  PostgreSQL COPY into a scratch table:        %8s rows/s  (%ss)\n" "$COPY_RATE" "$COPY_S"
echo "  ratio platform / COPY: $(echo "scale=2; $PLATFORM_RATE / $COPY_RATE" | bc)"
