#!/usr/bin/env bash
# Kill test (issue 17, item 9): kill -9 of the platform in the middle of a big push, of a full recomputation and of a
# stream of credit-report issues, each time followed by a restart, and the checks that nothing was lost, duplicated or
# half-written and that the audit chain verifies. Runs the packaged jar (-Xmx512m) on its embedded PostgreSQL (data
# under target/kill-test). Exits non-zero on the first failed check and prints every count it checked.
#
#   bench/kill-test.sh            the long version: 1,000,000 rows
#   bench/kill-test.sh 100000     the short version (CI): 100,000 rows
#   BENCH_SKIP_BUILD=1 ...        use the jar already in target/
#
# Needs Java 17, curl, psql (the PostgreSQL client), python3.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROWS=${1:-1000000}
PORT=${KILL_HTTP_PORT:-18210}
PG_PORT=${KILL_PG_PORT:-18211}
REPORTS=${KILL_REPORTS:-400}
WORK=target/kill-test
BASE="http://localhost:$PORT"
T0=$SECONDS

if [[ -f "$WORK/data/postgres/postmaster.pid" ]]; then
    # a postmaster left by an earlier run of this script (it is stopped before the directory goes)
    kill "$(head -n 1 "$WORK/data/postgres/postmaster.pid")" 2>/dev/null || true
    sleep 2
fi
rm -rf "$WORK" && mkdir -p "$WORK"

# fail, check and bench_jar
source bench/lib.sh

bench_jar

echo "==> generating $ROWS rows"
java bench/GenerateRows.java "$ROWS" "$WORK/rows.csv"

SERVER=
start_server() {
    java -Xmx512m -jar "$JAR" --server.port="$PORT" --chengxin.data-dir="$WORK/data" --chengxin.embedded.port="$PG_PORT" \
        --chengxin.demo.citizens=0 --chengxin.demo.records-per-item=0 --chengxin.ingestion.interrupted-after=PT20S --chengxin.evaluation.interrupted-after=PT20S \
        --chengxin.notifications.background=false >> "$WORK/server.log" 2>&1 &
    SERVER=$!
    for _ in $(seq 1 900); do
        curl -sf "$BASE/actuator/health" >/dev/null 2>&1 && return 0
        kill -0 "$SERVER" 2>/dev/null || fail "the platform did not start (see $WORK/server.log)"
        sleep 1
    done
    fail "the platform did not answer /actuator/health within 900 s"
}
kill9() {
    kill -9 "$SERVER"
    wait "$SERVER" 2>/dev/null || true
    SERVER=
}
cleanup() {
    if [[ -n "$SERVER" ]]; then
        kill "$SERVER" 2>/dev/null || true
        wait "$SERVER" 2>/dev/null || true
    fi
    # the postmaster a kill -9 left behind, if the last start did not take it over
    if [[ -f "$WORK/data/postgres/postmaster.pid" ]]; then
        kill "$(head -n 1 "$WORK/data/postgres/postmaster.pid")" 2>/dev/null || true
    fi
}
trap cleanup EXIT

export PGPASSWORD=postgres
sql() {
    psql -h localhost -p "$PG_PORT" -U postgres -d chengxin -v ON_ERROR_STOP=1 -qtAc "$1"
}
token() {
    curl -sf -u demo-scjg:demo-scjg-secret-2026 -d grant_type=client_credentials -d scope="$1" "$BASE/oauth2/token" \
        | sed 's/.*"access_token":"\([^"]*\)".*/\1/'
}
json() { # json FIELD < body
    python3 -c 'import json,sys; print(json.load(sys.stdin).get(sys.argv[1]))' "$1"
}
COOKIES="$WORK/cookies"
login() { # login ACCOUNT: a browser session in $COOKIES (with the demo's second factor where the account has one)
    rm -f "$COOKIES"
    local csrf where
    csrf=$(curl -sf -c "$COOKIES" -b "$COOKIES" "$BASE/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
    where=$(curl -s -o /dev/null -w '%{redirect_url}' -c "$COOKIES" -b "$COOKIES" --data-urlencode "account=$1" \
        --data-urlencode "password=Chengxin2026" --data-urlencode "_csrf=$csrf" "$BASE/login")
    if [[ "$where" == */login/second-factor ]]; then
        second_factor "$BASE" "$COOKIES" "$1"
    fi
}
csrf_of() { # the CSRF token of a page of the session
    curl -sf -c "$COOKIES" -b "$COOKIES" "$BASE$1" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n 1
}
verify_chain() {
    login auditor
    local out intact entries
    # the chain writer takes the inbox in the background: give it a moment to catch up with what the restart found
    for _ in $(seq 1 30); do
        [[ "$(sql "select count(*) from audit_inbox")" == "0" ]] && break
        sleep 1
    done
    out=$(curl -sf -b "$COOKIES" "$BASE/actuator/auditchain") || fail "GET /actuator/auditchain"
    intact=$(echo "$out" | json intact)
    entries=$(echo "$out" | json entriesChecked)
    check "audit chain intact ($entries entries verified)" "$intact" "True"
}
batch_report() {
    curl -sf -H "Authorization: Bearer $1" "$BASE/api/v1/record-batches/$2"
}
bench_records() { sql "select count(*) from records_record where department_code = 'scjg' and source_id like 'bench-%'"; }
bench_distinct() { sql "select count(distinct source_id) from records_record where department_code = 'scjg' and source_id like 'bench-%'"; }

echo "==> starting the platform (-Xmx512m, embedded PostgreSQL on port $PG_PORT)"
start_server
DEPT=$(sql "select department_code from ingestion_batch limit 1" || true)

# --------------------------------------------------------------------------------------------------------------------
echo
echo "==> 1. kill -9 during a push of $ROWS rows"
TOKEN=$(token records:write)
BATCH=$(curl -sf -H "Authorization: Bearer $TOKEN" -F "file=@$WORK/rows.csv;filename=rows.csv" "$BASE/api/v1/record-batches" | json id)
KILL_AT=$((ROWS * 2 / 5))
PROCESSED=0
for _ in $(seq 1 3000); do
    PROCESSED=$(batch_report "$TOKEN" "$BATCH" | json processed)
    [[ "$PROCESSED" -ge "$KILL_AT" ]] && break
    sleep 0.1
done
kill9
echo "    killed at $PROCESSED of $ROWS rows processed (batch $BATCH)"
start_server
WAITED=0
STATUS=PROCESSING
TOKEN=$(token records:write)
while [[ "$STATUS" == "PROCESSING" || "$STATUS" == "RECEIVED" ]]; do
    [[ $WAITED -lt 120 ]] || fail "batch $BATCH still $STATUS 120 s after the restart"
    sleep 1
    WAITED=$((WAITED + 1))
    STATUS=$(batch_report "$TOKEN" "$BATCH" | json status)
done
echo "    after the restart the batch is $STATUS within ${WAITED} s: $(batch_report "$TOKEN" "$BATCH" | json failure)"
check "status of the killed batch" "$STATUS" "INTERRUPTED"
STORED=$(bench_records)
check "records stored before the kill, none twice" "$(bench_distinct)" "$STORED"
echo "    stored before the kill: $STORED records"

echo "==> pushing the same file again"
BATCH2=$(curl -sf -H "Authorization: Bearer $TOKEN" -F "file=@$WORK/rows.csv;filename=rows.csv" "$BASE/api/v1/record-batches" | json id)
while true; do
    REPORT=$(batch_report "$TOKEN" "$BATCH2")
    STATUS=$(echo "$REPORT" | json status)
    [[ "$STATUS" == "PROCESSING" || "$STATUS" == "RECEIVED" ]] || break
    sleep 0.5
done
ACCEPTED=$(echo "$REPORT" | json accepted)
UNCHANGED=$(echo "$REPORT" | json unchanged)
echo "    batch $BATCH2 $STATUS: accepted $ACCEPTED, unchanged $UNCHANGED, rejected $(echo "$REPORT" | json rejected)"
check "status of the second push" "$STATUS" "COMPLETED"
check "rows already stored found unchanged" "$UNCHANGED" "$STORED"
check "rows accepted by the second push" "$ACCEPTED" "$((ROWS - STORED))"
TOTAL=$(bench_records)
DISTINCT=$(bench_distinct)
check "records lost (rows - distinct stored)" "$((ROWS - DISTINCT))" "0"
check "records duplicated (stored - distinct)" "$((TOTAL - DISTINCT))" "0"
verify_chain

# --------------------------------------------------------------------------------------------------------------------
echo
echo "==> 2. kill -9 during a full recomputation"
# as after a change of the points model: every part has scores and grades to write (nobody here is AAA: every
# person has a penalty)
sql "update evaluation_score set points = points + 200, grade = 'AAA' where grade <> 'AAA'" > /dev/null
login admin
CSRF=$(csrf_of /admin/evaluation)
PARTS_BEFORE=$(sql "select count(*) from audit_entry where action = 'evaluation.grades-recomputed'")
PARTS_BEFORE=$((PARTS_BEFORE + $(sql "select count(*) from audit_inbox where action = 'evaluation.grades-recomputed'")))
curl -s -o /dev/null -b "$COOKIES" -c "$COOKIES" --data-urlencode "_csrf=$CSRF" "$BASE/admin/evaluation/recomputation"
PARTS=0
for _ in $(seq 1 3000); do
    PARTS=$(( $(sql "select count(*) from audit_entry where action = 'evaluation.grades-recomputed'") \
        + $(sql "select count(*) from audit_inbox where action = 'evaluation.grades-recomputed'") - PARTS_BEFORE ))
    [[ "$PARTS" -ge 1 ]] && break
    sleep 0.05
done
RUNNING=$(curl -sf -b "$COOKIES" "$BASE/admin/evaluation/progress" | grep -c "正在全量重算" || true)
kill9
echo "    killed with $PARTS of 32 parts stored (recomputation still running: $([[ $RUNNING -gt 0 ]] && echo yes || echo no))"
start_server
verify_chain
# the killed run stops beating: once its last beat is 20 s old (the setting above) it is marked 已中断, and the
# administrator's page says so
RUN_OUTCOME=""
for _ in $(seq 1 90); do
    RUN_OUTCOME=$(sql "select outcome from evaluation_run order by id desc limit 1")
    [[ "$RUN_OUTCOME" != RUNNING ]] && break
    sleep 1
done
check "the killed recomputation's run in the log" "$RUN_OUTCOME" "INTERRUPTED"
login admin
check "the administrator's page shows the run cut short" \
    "$(curl -sf -b "$COOKIES" "$BASE/admin/evaluation/progress" | grep -c "进程意外终止" || true)" "1"
login admin
CSRF=$(csrf_of /admin/evaluation)
curl -s -o /dev/null -b "$COOKIES" -c "$COOKIES" --data-urlencode "_csrf=$CSRF" "$BASE/admin/evaluation/recomputation"
for _ in $(seq 1 600); do
    curl -sf -b "$COOKIES" "$BASE/admin/evaluation/progress" | grep -q "正在全量重算" || break
    sleep 1
done
UNSCORED=$(sql "select count(*) from (select distinct subject_index from records_record) r
    where not exists (select 1 from evaluation_score s where s.subject_index = r.subject_index)")
check "people with records but no score after the recomputation ran again" "$UNSCORED" "0"
check "scores the killed recomputation left unrecomputed, after it ran again" "$(sql "select count(*) from evaluation_score where grade = 'AAA'")" "0"
verify_chain

# --------------------------------------------------------------------------------------------------------------------
echo
echo "==> 3. kill -9 during credit-report issue ($REPORTS reports, 4 at a time)"
RTOKEN=$(token reports:read)
mkdir -p "$WORK/reports"
# the people of the first rows (the numbers stay in files under target/, never on the console)
awk -F, -v n="$REPORTS" 'NR > 1 && NR <= n + 1 { print NR - 1, $3 }' "$WORK/rows.csv" > "$WORK/reports/people"
issue() { # issue N NUMBER: one report; its answer in reports/N
    curl -s -o "$WORK/reports/$1.json" -w '%{http_code}' -H "Authorization: Bearer $RTOKEN" -H 'Content-Type: application/json' \
        -d "{\"idNumber\":\"$2\",\"basis\":\"DUTY\",\"duty\":\"行政许可审查\",\"purpose\":\"故障测试\"}" \
        "$BASE/api/v1/reports" > "$WORK/reports/$1.code" || true
}
export -f issue
export WORK BASE RTOKEN
ISSUED_BEFORE=$(sql "select count(*) from inquiry_report")
( xargs -P 4 -L 1 bash -c 'issue "$0" "$1"' < "$WORK/reports/people" ) &
ISSUER=$!
for _ in $(seq 1 3000); do
    [[ $(ls "$WORK/reports" | grep -c '\.code$' || true) -ge $((REPORTS / 2)) ]] && break
    sleep 0.05
done
kill9
wait "$ISSUER" 2>/dev/null || true
ANSWERED=$(grep -lx 200 "$WORK"/reports/*.code 2>/dev/null | wc -l)
echo "    killed after $ANSWERED of $REPORTS reports answered 200"
start_server
ACKED_MISSING=0
for f in "$WORK"/reports/*.code; do
    [[ "$(cat "$f")" == "200" ]] || continue
    NUMBER=$(json reportNumber < "${f%.code}.json")
    [[ "$(sql "select count(*) from inquiry_report where report_number = '$NUMBER'")" == "1" ]] || ACKED_MISSING=$((ACKED_MISSING + 1))
done
STORED_REPORTS=$(( $(sql "select count(*) from inquiry_report") - ISSUED_BEFORE ))
echo "    reports stored: $STORED_REPORTS (answered 200: $ANSWERED)"
check "reports answered 200 but not stored" "$ACKED_MISSING" "0"
check "reports stored without their query" "$(sql "select count(*) from inquiry_report r where not exists (select 1 from inquiry_query q where q.id = r.query_id)")" "0"
check "queries naming a report that was not stored" \
    "$(sql "select count(*) from inquiry_query q where report_number is not null and not exists (select 1 from inquiry_report r where r.report_number = q.report_number)")" "0"
verify_chain

echo
echo "KILL TEST PASSED ($ROWS rows, $(nproc) cores, $((SECONDS - T0)) s): batch killed at $PROCESSED rows, $STORED stored before the kill,"
echo "  0 lost and 0 duplicated after the second push; recomputation killed after $PARTS parts, everybody scored after the rerun;"
echo "  report issue killed after $ANSWERED answers, every answered report stored; the audit chain verified after every restart"
