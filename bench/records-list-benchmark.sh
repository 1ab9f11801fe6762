#!/usr/bin/env bash
# Records list benchmark (issue 16): pushes ROWS synthetic administrative penalties (default 1,000,000, all of one
# department, scjg, through its demo client) through POST /api/v1/record-batches of the packaged platform on its
# embedded PostgreSQL (the platform's fastest bulk path, as bench/portal-benchmark.sh), revokes a few, then, logged in
# as the department's data officer (officer), measures with bench/LatencyProbe.java (REQUESTS GET requests per
# address from CONCURRENCY threads after a warm-up) the filtered list /records for several filter shapes, and as the
# floor /actuator/health in the same run. Then exports about 100,000 rows (a decision-date range) as XLSX while
# jstat samples the heap of the server, which runs with -Xmx512m throughout. Target: filtered list p95 < 300 ms.
# Needs Java 17, curl, psql, jstat, python3. BENCH_SKIP_LOAD=1 reuses the data of the previous run; the data
# directory (target/bench-records-list, several GB) is deleted at the end unless BENCH_KEEP=1.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# push_batch, client_token, field
source bench/lib.sh
ROWS=${1:-1000000}
REQUESTS=${BENCH_REQUESTS:-200}
CONCURRENCY=${BENCH_CONCURRENCY:-4}
PORT=${BENCH_HTTP_PORT:-18083}
PG_PORT=${BENCH_PG_PORT:-15435}
WORK=target/bench-records-list
BASE="http://localhost:$PORT"
PSQL=(psql -q -h localhost -p "$PG_PORT" -U postgres -d chengxin)
export PGPASSWORD=postgres

if [[ "${BENCH_SKIP_LOAD:-0}" != 1 ]]; then
    rm -rf "$WORK" && mkdir -p "$WORK"
    if [[ -z "${BENCH_SKIP_BUILD:-}" ]]; then
        echo "==> building the application jar"
        ./mvnw -q -B -o -DskipTests package
    fi
    echo "==> generating $ROWS rows"
    java bench/GenerateRows.java "$ROWS" "$WORK/rows.csv"
fi
JAR=$(ls target/chengxin-*.jar | grep -v plain | head -n 1)

echo "==> starting the platform (-Xmx512m, embedded PostgreSQL on port $PG_PORT)"
java -Xms512m -Xmx512m -jar "$JAR" --server.port="$PORT" --chengxin.data-dir="$WORK/data" --chengxin.embedded.port="$PG_PORT" \
    --chengxin.demo.citizens=0 --chengxin.demo.records-per-item=0 --chengxin.evaluation.queue-interval=PT24H \
    --chengxin.notifications.background=false > "$WORK/server.log" 2>&1 &
SERVER=$!
cleanup() {
    kill $SERVER 2>/dev/null || true
    wait $SERVER 2>/dev/null || true
    if [[ "${BENCH_KEEP:-0}" != 1 ]]; then rm -rf "$WORK"; fi
}
trap cleanup EXIT
for _ in $(seq 1 180); do
    curl -sf "$BASE/actuator/health" >/dev/null 2>&1 && break
    sleep 1
done
sleep 3

if [[ "${BENCH_SKIP_LOAD:-0}" != 1 ]]; then
    TOKEN=$(client_token "$BASE" demo-scjg demo-scjg-secret-2026 records:write)
    echo "==> pushing $ROWS records through POST /api/v1/record-batches"
    START=$(date +%s)
    REPORT=$(push_batch "$BASE" "$WORK/rows.csv" "echo $TOKEN" 2)
    echo "    $(echo "$REPORT" | sed 's/.*"accepted":\([0-9]*\).*/accepted \1/'), $(( $(date +%s) - START ))s"
    # a few revoked records, as a department has (the rare status of the shapes below)
    for i in 5 50 500 5000 50000; do
        curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json" \
            -d "{\"sourceId\":\"bench-$i\",\"reason\":\"基准测试撤销\"}" "$BASE/api/v1/records/revocation" || true
    done
    # the per-person recomputation queued by the push would keep a core busy during the measurement
    "${PSQL[@]}" -c "truncate evaluation_pending"
    echo "==> vacuum analyze records_record (as autovacuum would after a load; makes counts index-only)"
    "${PSQL[@]}" -c "vacuum analyze records_record"
fi
echo "    records of scjg: $("${PSQL[@]}" -tA -c "select count(*) from records_record where department_code = 'scjg'")"

echo "==> logging in as the department's data officer"
JAR_COOKIES="$WORK/cookies.txt"
rm -f "$JAR_COOKIES"
CSRF=$(curl -sf -c "$JAR_COOKIES" -b "$JAR_COOKIES" "$BASE/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
curl -sf -o /dev/null -c "$JAR_COOKIES" -b "$JAR_COOKIES" --data-urlencode "account=officer" \
    --data-urlencode "password=Chengxin2026" --data-urlencode "_csrf=$CSRF" "$BASE/login"
COOKIE="JSESSIONID=$(awk '$6 == "JSESSIONID" {print $7}' "$JAR_COOKIES" | tail -n 1)"
# the ID number filter: posted (never in the address); the list's address carries the session's token
NUMBER=$(sed -n '2p' "$WORK/rows.csv" 2>/dev/null | cut -d, -f3 || true)
if [[ -z "$NUMBER" ]]; then
    NUMBER=$(java bench/GenerateRows.java 1 /dev/stdout | sed -n '2p' | cut -d, -f3)
fi
CSRF=$(curl -sf -b "$JAR_COOKIES" "$BASE/records?size=20" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
WHO=$(curl -s -o /dev/null -w '%{redirect_url}' -b "$JAR_COOKIES" --data-urlencode "idNumber=$NUMBER" \
    --data-urlencode "_csrf=$CSRF" "$BASE/records/filter" | sed 's/.*who=\([^&]*\).*/\1/')

YEAR_MONTH_FROM=$(date -d "-40 days" +%F)
YEAR_MONTH_TO=$(date -d "-10 days" +%F)
DOC=$(python3 -c 'import urllib.parse;print(urllib.parse.quote("〕123456号"))')
echo
echo "RECORDS LIST BENCHMARK ($ROWS records of one department, $REQUESTS requests per URL from $CONCURRENCY threads, $(nproc) cores, server -Xmx512m)"
java -Dbench.cookie="$COOKIE" bench/LatencyProbe.java "$REQUESTS" "$CONCURRENCY" \
    "$BASE/actuator/health" \
    "$BASE/records" \
    "$BASE/records?size=100&page=40" \
    "$BASE/records?sort=decisionDate&dir=desc" \
    "$BASE/records?status=ACTIVE" \
    "$BASE/records?status=REVOKED" \
    "$BASE/records?item=YY-GN-002&sort=decisionDate&dir=asc" \
    "$BASE/records?date=DECISION&from=$YEAR_MONTH_FROM&to=$YEAR_MONTH_TO&sort=decisionDate&dir=desc" \
    "$BASE/records?date=ACCEPTED&from=$(date +%F)&status=ACTIVE" \
    "$BASE/records?doc=$DOC" \
    "$BASE/records?who=$WHO" \
    "$BASE/records?who=$WHO&status=ACTIVE&doc=$DOC"

echo
echo "==> export of a decision-date range as XLSX (heap sampled every 200 ms with jstat)"
EXPORT_FROM=$(date -d "-${BENCH_EXPORT_DAYS:-30} days" +%F)
EXPORT_COUNT=$(curl -sf -b "$JAR_COOKIES" "$BASE/records?date=DECISION&from=$EXPORT_FROM" | sed -n 's/.*id="records-total">\([0-9]*\)<.*/\1/p')
echo "    rows matching (decided since $EXPORT_FROM): $EXPORT_COUNT"
jstat -gc $SERVER 200 > "$WORK/jstat.txt" &
JSTAT=$!
sleep 1
curl -sf -b "$JAR_COOKIES" -o "$WORK/export.xlsx" -D "$WORK/export.headers" \
    -w '    export: HTTP %{http_code}, %{size_download} bytes, first byte after %{time_starttransfer}s, done in %{time_total}s\n' \
    "$BASE/records/export.xlsx?date=DECISION&from=$EXPORT_FROM"
sleep 1
kill $JSTAT 2>/dev/null || true
grep -i '^content-disposition' "$WORK/export.headers" | sed 's/^/    /'
python3 - "$WORK/jstat.txt" <<'PY'
import sys
rows = [l.split() for l in open(sys.argv[1]) if l.strip() and not l.lstrip().startswith('S0C')]
header = open(sys.argv[1]).readline().split()
used = []
for r in rows:
    d = dict(zip(header, r))
    try:
        used.append(sum(float(d[k]) for k in ('S0U', 'S1U', 'EU', 'OU')) / 1024)
    except (KeyError, ValueError):
        pass
if used:
    print(f"    heap used during the export (jstat, {len(used)} samples): max {max(used):.0f} MiB, min {min(used):.0f} MiB (limit -Xmx512m)")
PY
python3 - "$WORK/export.xlsx" <<'PY'
import sys, zipfile, re
z = zipfile.ZipFile(sys.argv[1])
sheet = z.read('xl/worksheets/sheet1.xml').decode('utf-8')
rows = sheet.count('<row ')
print(f"    rows in the file (header included): {rows}; unmasked 18-digit numbers: {len(re.findall(r'>[0-9]{17}[0-9X]<', sheet))}")
PY
