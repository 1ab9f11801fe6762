#!/usr/bin/env bash
# The whole city measured (issue 17, item 5), on the data bench/city-load.sh leaves with CITY_KEEP=1 (target/city: the
# embedded PostgreSQL's files and the generated register). Starts the packaged platform on it (-Xmx1g, the ports of
# city-load.sh) and prints, each with the command's own figures:
#   1. the counts, the database's size and its largest tables; a VACUUM ANALYZE (what autovacuum does after a load);
#   2. the full recomputation of everybody, twice (the first evaluation after the load writes every score; the second,
#      the same day, changes nothing), started as the administrator does (全量重算 on /admin/evaluation), timed from the
#      run's log (evaluation_run), against its floor in the same run: one SQL aggregate of each person's points under
#      the model in force (fastest of two plans). Targets: within 3x of the aggregate and under 2 minutes;
#   3. every query of the pages and APIs below and of the administrator's, the reviewer's (the serious dishonesty list's
#      candidates) and the window's pages, explained: auto_explain logs the plan of each statement of one pass over
#      them (JSON, in the server's log directory), and every scan of a whole large table (a sequential scan of a table
#      of over 100,000 rows) is listed; the script fails when there is one;
#   4. latency (bench/LatencyProbe.java, REQUESTS requests from CONCURRENCY threads after a warm-up, health as the floor):
#      the officer's filtered records list (department scjg, 1.5 million records) and the public 双公示 searches,
#      target p95 < 300 ms;
#   5. the mix of bench/Soak.java open loop for MIX_SECONDS at MIX_RATE requests/s (checks 45 %, JSON reports 10 %,
#      public 30 %, the officer's list 15 %) about residents drawn from the whole register: p50/p99 of each kind;
#   6. the nightly jobs on a day to come: the platform started again with its clock CITY_NIGHT_OFFSET ahead (P30D:
#      bench/GenerateCity.java leaves every record up to 18 days of its period, so a night 30 days on catches up about two
#      weeks of expiries at once; chengxin.clock.offset, a drill on this copy) and the four nightly jobs set to run one
#      after the other; their durations from cluster_job_run and what they did;
#   7. a base backup (the low-level backup API and a tar of the data directory) with its time and size.
# Usage: bench/city-measure.sh (after CITY_KEEP=1 bench/city-load.sh); CITY_MEASURE_STEPS=67 runs steps 6 and 7 only. Leaves target/city as it found it, plus the scores,
# one day's expiries and the backup (deleted unless CITY_KEEP_BACKUP=1). Needs Java 17, curl, psql, python3.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PORT=${CITY_HTTP_PORT:-18600}
PG_PORT=${CITY_PG_PORT:-55440}
XMX=${CITY_XMX:-1g}
REQUESTS=${BENCH_REQUESTS:-200}
CONCURRENCY=${BENCH_CONCURRENCY:-4}
MIX_RATE=${MIX_RATE:-60}
MIX_SECONDS=${MIX_SECONDS:-180}
NIGHT_OFFSET=${CITY_NIGHT_OFFSET:-P30D}
WORK=target/city
URL="http://localhost:$PORT"
PGDATA_DIR="$WORK/data/postgres"
[[ -d "$PGDATA_DIR" ]] || { echo "no city data under $WORK (run CITY_KEEP=1 bench/city-load.sh first)"; exit 1; }
source bench/lib.sh
BENCH_SKIP_BUILD=${BENCH_SKIP_BUILD-1} bench_jar
export PGPASSWORD=postgres
sql() { psql -qtA -h localhost -p "$PG_PORT" -U postgres -d chengxin -c "$1"; }
now() { date +%s.%N; }
since() { printf "%.1f" "$(echo "$(now) - $1" | bc)"; }
declare -a RESULTS=()
STEPS=${CITY_MEASURE_STEPS:-1234567}
want() { [[ "$STEPS" == *"$1"* ]]; }
result() { RESULTS+=("  $*"); echo "    $*"; }

# auto_explain is loaded into every session of the platform, silent until step 3 turns it on; its plans go to
# JSON log files in the data directory (log/*.json)
cat >> "$PGDATA_DIR/postgresql.auto.conf" <<'EOF'
# bench/city-measure.sh
session_preload_libraries = 'auto_explain'
auto_explain.log_min_duration = -1
auto_explain.log_format = 'json'
logging_collector = on
log_destination = 'jsonlog'
EOF

SERVER=
cleanup() {
    server_stop
    # the settings above leave with the script (ALTER SYSTEM in step 3 rewrites the file without the comment: by name)
    sed -i -e '/^# bench\/city-measure.sh$/d' -e '/^\(session_preload_libraries\|auto_explain\.\|logging_collector\|log_destination\)/d' \
        "$PGDATA_DIR/postgresql.auto.conf"
    [[ "${CITY_KEEP_BACKUP:-0}" == 1 ]] || rm -rf "$WORK/backup"
}
trap cleanup EXIT
start_server() { # extra arguments
    city_start "$WORK/measure-server.log" -Xlog:gc:file="$WORK/measure-gc.log" -- --chengxin.portal.public-requests-per-minute=100000000 "$@"
}
COOKIES="$WORK/measure-cookies.txt"
csrf() { curl -sf -b "$COOKIES" -c "$COOKIES" "$URL$1" | grep -o 'name="_csrf" value="[^"]*"' | head -n 1 | sed 's/.*value="\([^"]*\)"/\1/'; }
login() { # account
    rm -f "$COOKIES"
    local token where
    token=$(csrf /login)
    where=$(curl -s -o /dev/null -w '%{redirect_url}' -b "$COOKIES" -c "$COOKIES" --data-urlencode "account=$1" \
        --data-urlencode "password=Chengxin2026" --data-urlencode "_csrf=$token" "$URL/login")
    # the demo's administrators and auditor log in with the demo's TOTP code too (issue 19)
    if [[ "$where" == */login/second-factor ]]; then
        second_factor "$URL" "$COOKIES" "$1"
    fi
}

echo "==> starting the platform on the city's data (-Xmx$XMX)"
T=$(now)
start_server
result "start-up on the city's data: $(since "$T") s"

if want 1; then
echo "==> 1. counts and sizes"
result "residents $(sql 'select count(*) from identity_resident'), subjects $(sql 'select count(*) from identity_subject'), records $(sql 'select count(*) from records_record'), people with records $(sql 'select count(distinct subject_index) from records_record')"
T=$(now)
sql "vacuum analyze"
result "VACUUM ANALYZE of the whole database after the load: $(since "$T") s"
result "database size: $(sql "select pg_size_pretty(pg_database_size('chengxin'))")"
while read -r line; do result "  $line"; done < <(sql "select relname || ' ' || pg_size_pretty(pg_total_relation_size(oid)) || ' (' || pg_size_pretty(pg_relation_size(oid)) || ' table, '
     || pg_size_pretty(pg_indexes_size(oid)) || ' indexes)' from pg_class where relkind = 'r' and relnamespace = 'public'::regnamespace
     order by pg_total_relation_size(oid) desc limit 8")
fi

if want 2; then
echo "==> 2. the full recomputation against one SQL aggregate"
# the floor: the points of the model in force summed per person (the model's points by item, else by kind and
# severity, as FullRecomputation's statement computes them), nothing written; fastest of the default plan and of a
# group aggregate over the (subject_index) index
FLOOR_SQL="with m as (select config from evaluation_model where effective_from <= current_date order by effective_from desc, id desc limit 1),
 by_item as (select key as item, value::int as pts from m, jsonb_each_text(m.config -> 'byItem')),
 by_kind as (select split_part(key, ':', 1) as kind, nullif(split_part(key, ':', 2), '') as severity, value::int as pts
             from m, jsonb_each_text(m.config -> 'byKindAndSeverity'))
select count(*), sum(points) from (
  select f.subject_index, (select (config ->> 'basePoints')::int from m)
         + coalesce(sum(coalesce(i.pts, k.pts, 0)) filter (where f.status in ('ACTIVE', 'OBJECTED') and f.expires_on > current_date), 0) as points
  from records_fact f left join by_item i on i.item = f.item_code
       left join by_kind k on k.kind = f.kind and k.severity is not distinct from f.severity
  group by f.subject_index) t"
floor_ms() {
    local best=999999999 ms
    for setting in "" "set enable_hashagg = off;"; do
        ms=$(psql -qtA -h localhost -p "$PG_PORT" -U postgres -d chengxin -c '\timing on' -c "$setting $FLOOR_SQL" \
            | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | tail -n 1)
        ms=${ms%.*}
        (( ms < best )) && best=$ms
    done
    echo "$best"
}
sql "select config from evaluation_model order by effective_from desc limit 1" | grep -q '"byKindAndSeverity"' \
    || fail "the model's configuration has no byKindAndSeverity (the floor's statement reads it)"
FLOOR=$(floor_ms)
result "one SQL aggregate of everybody's points (floor): $FLOOR ms"
recompute() { # label
    login admin
    local last
    last=$(sql "select coalesce(max(id), 0) from evaluation_run")
    curl -sf -o /dev/null -b "$COOKIES" -c "$COOKIES" --data-urlencode "_csrf=$(csrf /admin/evaluation)" "$URL/admin/evaluation/recomputation"
    for _ in $(seq 1 1800); do
        [[ "$(sql "select count(*) from evaluation_run where id > $last and outcome <> 'RUNNING'")" == 1 ]] && break
        sleep 1
    done
    local row
    row=$(sql "select outcome, people, scores_changed, grades_changed, millis from evaluation_run where id > $last order by id limit 1")
    IFS='|' read -r OUTCOME PEOPLE CHANGED GRADES MILLIS <<< "$row"
    [[ "$OUTCOME" == COMPLETED ]] || fail "recomputation $1: $row"
    result "$1: $PEOPLE people, $CHANGED scores and $GRADES grades changed, $MILLIS ms, $(echo "scale=2; $MILLIS / $FLOOR" | bc)x the aggregate"
}
recompute "full recomputation, first evaluation after the load"
recompute "full recomputation, the same day again"
FLOOR2=$(floor_ms)
result "the aggregate again after both: $FLOOR2 ms"
# the full recomputation covered everybody the pushes queued
result "people queued by the pushes, covered by the full recomputation: $(sql 'select count(*) from evaluation_pending')"
sql "truncate evaluation_pending"
fi

# the addresses measured, as the department's data officer (scjg) and the public
login officer
OFFICER_COOKIE="JSESSIONID=$(awk '$6 == "JSESSIONID" {print $7}' "$COOKIES" | tail -n 1)"
NUMBER=$(sed -n '2p' "$WORK/files/register/register-01.csv" | cut -d, -f1)
LIST_CSRF=$(csrf "/records?size=20")
WHO=$(curl -s -o /dev/null -w '%{redirect_url}' -b "$COOKIES" --data-urlencode "idNumber=$NUMBER" \
    --data-urlencode "_csrf=$LIST_CSRF" "$URL/records/filter" | sed 's/.*who=\([^&]*\).*/\1/')
FROM=$(date -d "-40 days" +%F)
TO=$(date -d "-10 days" +%F)
YEAR=$(date +%Y)
DOC=$(python3 -c 'import urllib.parse;print(urllib.parse.quote("〔2026〕45号"))')
STAFF_URLS=("$URL/records" "$URL/records?size=100&page=40" "$URL/records?size=100&page=1000" "$URL/records?sort=decisionDate&dir=desc" "$URL/records?status=ACTIVE"
    "$URL/records?status=REVOKED" "$URL/records?item=YY-GN-002&sort=decisionDate&dir=asc"
    "$URL/records?date=DECISION&from=$FROM&to=$TO&sort=decisionDate&dir=desc" "$URL/records?date=ACCEPTED&from=$(date +%F)&status=ACTIVE"
    "$URL/records?doc=$DOC" "$URL/records?who=$WHO" "$URL/records?who=$WHO&status=ACTIVE")
PUBLIC_URLS=("$URL/" "$URL/public/double-publicity" "$URL/public/double-publicity?page=40" "$URL/public/double-publicity?page=499" "$URL/public/double-publicity?doc=$DOC"
    "$URL/public/double-publicity?from=$YEAR-06-01&to=$YEAR-06-30" "$URL/public/double-publicity?dept=scjg"
    "$URL/public/double-publicity?item=YY-GN-002&from=$YEAR-01-01" "$URL/public/serious-dishonesty"
    "$URL/api/v1/public/double-publicity?size=100" "$URL/public/honesty-models" "$URL/public/figures")

if want 3; then
echo "==> 3. every query of the pages and APIs, explained"
LOG_BEFORE=$(ls "$PGDATA_DIR"/log/*.json 2>/dev/null | xargs -r cat | wc -l)
sql "alter system set auto_explain.log_min_duration = 0" && sql "select pg_reload_conf()" >/dev/null
sleep 1
for u in "${STAFF_URLS[@]}"; do curl -s -o /dev/null -b "$COOKIES" "$u"; done
for u in "${PUBLIC_URLS[@]}"; do curl -s -o /dev/null "$u"; done
# the APIs: a check and a JSON report about residents, as the demo client
CLIENT_TOKEN=$(curl -sf -u demo-scjg:demo-scjg-secret-2026 -d grant_type=client_credentials \
    -d "scope=measures:check reports:read" "$URL/oauth2/token" | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
api() { curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $CLIENT_TOKEN" -H "Content-Type: application/json" -d "$2" "$URL$1"; }
for n in $(sed -n '7,11p' "$WORK/files/register/register-01.csv" | cut -d, -f1); do
    api /api/v1/measure-checks "{\"idNumber\":\"$n\",\"matterCode\":\"XZSP\"}" >/dev/null
    api /api/v1/reports "{\"idNumber\":\"$n\",\"basis\":\"DUTY\",\"duty\":\"行政许可审查\",\"purpose\":\"全市规模测量\"}" >/dev/null
done
login admin
for p in /admin/evaluation /admin/population /admin/clients; do curl -s -o /dev/null -b "$COOKIES" "$URL$p"; done
# the audit trail is the audit administrator's (三员分立; the system administrator cannot open it)
login auditadmin
curl -s -o /dev/null -b "$COOKIES" "$URL/audit"
# the reviewer's pages (the serious dishonesty list's candidates, notices and entries, good credit, cases) and the window's
login reviewer
for p in /lists "/lists?tab=notices" "/lists?tab=entries" /lists/good-credit /review/cases /review/complaints; do
    curl -s -o /dev/null -b "$COOKIES" "$URL$p"
done
KEY=$(curl -s -b "$COOKIES" "$URL/lists" | grep -o '/lists/candidates/[0-9]*' | head -n 1)
[[ -z "$KEY" ]] || curl -s -o /dev/null -b "$COOKIES" "$URL$KEY"
login clerk
for p in /checks /window/remedies /window/complaints /window/accounts; do curl -s -o /dev/null -b "$COOKIES" "$URL$p"; done
sql "alter system set auto_explain.log_min_duration = -1" && sql "select pg_reload_conf()" >/dev/null
sleep 2
python3 - "$PGDATA_DIR/log" "$LOG_BEFORE" > "$WORK/explained.txt" <<'PY'
import glob, json, sys
lines = []
for f in sorted(glob.glob(sys.argv[1] + "/*.json")):
    lines.extend(open(f, encoding="utf-8", errors="replace").read().splitlines())
lines = lines[int(sys.argv[2]):]
plans, whole = 0, []
def walk(node, query):
    if node.get("Node Type") == "Seq Scan" and node.get("Plan Rows", 0) > 100_000 or \
       node.get("Node Type") == "Seq Scan" and node.get("Relation Name") in ("records_record", "identity_subject", "identity_resident", "evaluation_score", "audit_entry") and node.get("Total Cost", 0) > 10_000:
        whole.append((node.get("Relation Name"), node.get("Plan Rows"), query))
    for child in node.get("Plans", []):
        walk(child, query)
for line in lines:
    try:
        entry = json.loads(line)
    except ValueError:
        continue
    message = entry.get("message", "")
    if "plan:" not in message:
        continue
    try:
        plan = json.loads(message[message.index("plan:") + 5:])
    except ValueError:
        continue
    plans += 1
    walk(plan["Plan"], " ".join(plan.get("Query Text", "").split())[:300])
print(f"plans explained: {plans}")
print(f"scans of a whole large table: {len(whole)}")
for relation, rows, query in whole:
    print(f"  {relation} (about {rows} rows): {query}")
PY
while read -r line; do result "$line"; done < "$WORK/explained.txt"
PLANS=$(sed -n 's/^plans explained: //p' "$WORK/explained.txt")
(( PLANS > 50 )) || fail "auto_explain logged only $PLANS plans (is it loaded? see $PGDATA_DIR/log)"
fi

if want 4; then
echo "==> 4. latency of the officer's filtered list and the public searches ($REQUESTS requests per address, $CONCURRENCY threads)"
java -Dbench.cookie="$OFFICER_COOKIE" bench/LatencyProbe.java "$REQUESTS" "$CONCURRENCY" "$URL/actuator/health" "${STAFF_URLS[@]}" \
    | tee "$WORK/latency-staff.txt"
java bench/LatencyProbe.java "$REQUESTS" "$CONCURRENCY" "$URL/actuator/health" "${PUBLIC_URLS[@]}" | tee "$WORK/latency-public.txt"
fi

if want 5; then
echo "==> 5. the mix open loop: $MIX_RATE requests/s for $MIX_SECONDS s about residents of the whole register"
TEMPLATE_DIR="$WORK/measure-template"
mkdir -p "$TEMPLATE_DIR"
java bench/GenerateCheckPeople.java 10 "$TEMPLATE_DIR" >/dev/null
cat $(ls "$WORK"/files/register/*.csv | head -n 3) > "$WORK/measure-people.csv"
SOAK_PEOPLE="$WORK/measure-people.csv" PUSH_SECONDS=0 STAFF_SESSIONS=4 \
    SOAK_PSQL="psql -qtA -h localhost -p $PG_PORT -U postgres -d chengxin" \
    java -Xmx1g bench/Soak.java soak "$MIX_RATE" "$MIX_SECONDS" "$URL" "$TEMPLATE_DIR/penalties.csv" "$WORK/measure-gc.log" \
    | tee "$WORK/mix.txt" || true
fi

if want 6; then
echo "==> 6. the nightly jobs $NIGHT_OFFSET ahead (the platform's clock moved on this copy)"
LAST_RUN=$(sql "select coalesce(max(id), 0) from cluster_job_run")
# the drill's night comes a day after the jobs' last runs (the gaps of ClusterJobs are counted on the database's clock)
sql "update cluster_job set last_started_at = last_started_at - interval '1 day'"
EXPIRED_BEFORE=$(sql "select count(*) from records_record where status = 'EXPIRED'")
ENDED_BEFORE=$(sql "select count(*) from lists_entry where ended_at is not null")
server_stop
S=$(date -d "+4 min" +%s)
cron_at() { TZ=Asia/Shanghai date -d "@$1" +"%-S %-M %-H * * *"; }
start_server --chengxin.clock.offset="$NIGHT_OFFSET" --chengxin.jobs.list-ends-cron="$(cron_at "$S")" \
    --chengxin.jobs.escalation-cron="$(cron_at $((S + 20)))" --chengxin.jobs.recomputation-cron="$(cron_at $((S + 40)))"
for _ in $(seq 1 1800); do
    [[ "$(sql "select count(*) from cluster_job_run where id > $LAST_RUN and job = 'evaluation.nightly' and finished_at is not null")" == 1 ]] && break
    sleep 2
done
while read -r line; do result "nightly job $line"; done < <(sql "select job || ': ' || outcome || ', ' || round(extract(epoch from finished_at - started_at) * 1000) || ' ms'
     from cluster_job_run where id > $LAST_RUN and job in ('records.expiry', 'lists.end-due', 'remedies.escalation', 'evaluation.nightly')
     order by started_at")
result "records expired by the night: $(( $(sql "select count(*) from records_record where status = 'EXPIRED'") - EXPIRED_BEFORE ))"
result "list entries ended by the night: $(( $(sql "select count(*) from lists_entry where ended_at is not null") - ENDED_BEFORE ))"
result "the night's recomputation: $(sql "select people || ' people, ' || scores_changed || ' scores and ' || grades_changed || ' grades changed, ' || millis || ' ms'
     from evaluation_run where trigger = '夜间全量重算' order by id desc limit 1")"
server_stop
fi

if want 7; then
echo "==> 7. a base backup"
server_stop
# the embedded binaries have no pg_basebackup (and the Debian client's is older than the server): the low-level API
# pg_basebackup uses, in one session: pg_backup_start, a copy of the data directory, pg_backup_stop and its label
rm -rf "$WORK/backup" && mkdir -p "$WORK/backup"
start_server
T=$(now)
printf '%s\n' "select pg_backup_start('bench/city-measure.sh', true);" \
    "\\! tar -cf '$WORK/backup/base.tar' -C '$PGDATA_DIR' --exclude=./pg_wal --exclude=./postmaster.pid --exclude=./postmaster.opts --exclude=./log ." \
    "\\o $WORK/backup/backup_label" "select labelfile from pg_backup_stop(true);" "\\o" \
    | psql -qtA -h localhost -p "$PG_PORT" -U postgres -d chengxin > /dev/null
grep -q "START WAL LOCATION" "$WORK/backup/backup_label" || fail "the backup has no label"
result "base backup (pg_backup_start, tar of the data directory, pg_backup_stop): $(since "$T") s, $(du -sh "$WORK/backup/base.tar" | cut -f1)"
server_stop
fi

echo
echo "THE WHOLE CITY MEASURED ($(nproc) cores, server -Xmx$XMX, load average $(cut -d' ' -f1-3 /proc/loadavg))"
printf '%s\n' "${RESULTS[@]}"
if want 4; then
    echo "latency (ms), the officer's list:"
    sed -n '/p50/,$p' "$WORK/latency-staff.txt"
    echo "latency (ms), public:"
    sed -n '/p50/,$p' "$WORK/latency-public.txt"
fi
if want 5; then
    echo "the mix:"
    sed -n '/^SOAK/,$p' "$WORK/mix.txt"
fi
if want 3; then
    WHOLE=$(sed -n 's/^scans of a whole large table: //p' "$WORK/explained.txt")
    [[ "$WHOLE" == 0 ]] || fail "$WHOLE scans of a whole large table (listed above)"
fi
