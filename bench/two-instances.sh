#!/usr/bin/env bash
# Two instances of the platform on one PostgreSQL behind HAProxy (issue 17, item 6; docs/operations.md, "Running
# several instances"). Starts its own Debian PostgreSQL 15 cluster (initdb in a temporary directory) and three
# instances at once on the new database: one outside prod that loads the demo departments, accounts and API client and
# is stopped once ready, and A and B in the prod profile (CHENGXIN_* environment, the same keys, cookies not Secure
# because HAProxy here speaks plain HTTP); then HAProxy in front (round robin, health checked). It checks:
#   0. the three instances starting together stored one default catalog, points model and measure list;
#   1. both instances answer through HAProxy (round robin reaches each);
#   2. scheduled jobs: the start-up jobs (records.expiry, remedies.escalation) ran once although three instances
#      started, and no job run overlapped another of the same job or followed it sooner than its gap (table
#      cluster_job_run; three jobs are made to fire every 2 to 4 seconds on every instance, and each must run twice);
#   3. a batch pushed through instance A (API, OAuth2 client token issued by A) is reported as completed through
#      instance B, its records found through B;
#   4. exactly one instance is the audit chain's writer, and the chain verifies;
#   5. a browser-like session (curl's cookie jar, login form with its CSRF token) survives the instance it logged in
#      through being killed (kill -9; the login is made to land on the leading chain writer): the next page through
#      HAProxy is still logged in, a form's CSRF token from before still works (logout), and the surviving instance
#      takes over the audit chain, which still verifies.
# Exits non-zero at the first failed check. Needs Java 17, curl, python3, openssl, haproxy and postgresql-15 (Debian
# packages; installed with apt-get when missing and run as root). As root, PostgreSQL runs as the user postgres.
# Usage: bench/two-instances.sh   (BENCH_SKIP_BUILD=1 uses the jar in target/; ports from MULTI_PORT_BASE, default 18100)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd)
BASE_PORT=${MULTI_PORT_BASE:-18100}
LB_PORT=$BASE_PORT
A_PORT=$((BASE_PORT + 1))
B_PORT=$((BASE_PORT + 2))
SEED_PORT=$((BASE_PORT + 3))
STATS_PORT=$((BASE_PORT + 4))
PG_PORT=$((BASE_PORT + 50))
PGBIN=/usr/lib/postgresql/15/bin
STARTED=$(date +%s)
WORK=$(mktemp -d /tmp/chengxin-two-instances.XXXXXX)
chmod 755 "$WORK"
PIDS=()

# the demo's TOTP code for the administrators' second factor (second_factor); fail, say and ok are this script's own
source bench/lib.sh
say() { echo "==> $*"; }
ok() { echo "    OK   $*"; }
fail() {
    echo "    FAIL $*" >&2
    for log in "$WORK"/*.log; do
        [[ -f "$log" ]] && { echo "---- last lines of $log" >&2; tail -n 30 "$log" >&2; }
    done
    exit 1
}

as_pg() {
    if [[ $(id -u) -eq 0 ]]; then (cd "$WORK" && runuser -u postgres -- "$@"); else "$@"; fi
}

cleanup() {
    for pid in "${PIDS[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in "${PIDS[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
    if [[ -f "$WORK/pg/postmaster.pid" ]]; then
        as_pg "$PGBIN/pg_ctl" -D "$WORK/pg" -m immediate stop >/dev/null 2>&1 || true
    fi
    [[ -n "${KEEP_WORK:-}" ]] || rm -rf "$WORK"
}
trap cleanup EXIT

if [[ ! -x $PGBIN/initdb || ! -x "$(command -v haproxy || true)" ]]; then
    if [[ $(id -u) -eq 0 ]]; then
        say "installing postgresql-15 and haproxy (apt-get)"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 haproxy >/dev/null
    else
        echo "needs $PGBIN/initdb (postgresql-15) and haproxy" >&2
        exit 2
    fi
fi

if [[ -z "${BENCH_SKIP_BUILD:-}" ]]; then
    say "building the application jar"
    ./mvnw -q -B -DskipTests package
fi
JAR=$(ls "$ROOT"/target/chengxin-*.jar | grep -v plain | head -n 1)

say "PostgreSQL 15 cluster on port $PG_PORT ($WORK/pg)"
[[ $(id -u) -eq 0 ]] && chown postgres "$WORK"
as_pg "$PGBIN/initdb" -D "$WORK/pg" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$WORK/initdb.out" 2>&1 || fail "initdb"
as_pg "$PGBIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg/server.log" -w \
    -o "-p $PG_PORT -k $WORK -c listen_addresses=localhost -c max_connections=100 -c fsync=off" start >/dev/null || fail "PostgreSQL start"
psql_() { as_pg psql -X -q -h localhost -p "$PG_PORT" -U postgres "$@"; }
psql_ -d postgres -c "create role chengxin login password 'chengxin-two-instances'" -c "create database chengxin owner chengxin encoding 'UTF8'"
DB_URL="jdbc:postgresql://localhost:$PG_PORT/chengxin"
sql() { psql_ -d chengxin -At -c "$1"; }

say "keys (shared by both instances)"
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/jwt.pem" 2>/dev/null
export CHENGXIN_DB_URL=$DB_URL CHENGXIN_DB_USER=chengxin CHENGXIN_DB_PASSWORD=chengxin-two-instances CHENGXIN_DB_POOL_SIZE=12
export CHENGXIN_SM4_KEYS="k1:$(openssl rand -hex 16)" CHENGXIN_SM4_ACTIVE_KEY=k1
export CHENGXIN_BLIND_INDEX_KEY=$(openssl rand -hex 32) CHENGXIN_AUDIT_CHAIN_KEY=$(openssl rand -hex 32)
export CHENGXIN_METRICS_USERNAME=metrics CHENGXIN_METRICS_PASSWORD=$(openssl rand -hex 16)
CHENGXIN_JWT_SIGNING_KEY=$(cat "$WORK/jwt.pem")
export CHENGXIN_JWT_SIGNING_KEY
export CHENGXIN_ISSUER="http://localhost:$LB_PORT" CHENGXIN_COOKIE_SECURE=false

wait_ready() { # port log name
    for _ in $(seq 1 "${MULTI_START_TIMEOUT:-600}"); do
        curl -sf "http://localhost:$1/actuator/health/readiness" >/dev/null 2>&1 && return 0
        sleep 1
    done
    fail "$3 not ready on port $1 within ${MULTI_START_TIMEOUT:-600} s"
}

JOB_INTERVALS=(--chengxin.notifications.delivery-interval=PT2S --chengxin.notifications.sweep-interval=PT3S
    --chengxin.inquiry.review-interval=PT4S)
start_instance() { # name port
    java -Xmx512m -jar "$JAR" --spring.profiles.active=prod --server.port="$2" --chengxin.cluster.instance-name="$1" \
        "${JOB_INTERVALS[@]}" >>"$WORK/$1.log" 2>&1 &
    echo $!
}
# Three instances start at once on the new database: the seeding one (outside prod, it loads the demo departments,
# accounts and API client, then stops) and A and B (prod). Flyway, the default catalog, points model and measure list
# and the start-up jobs meet there: each is done once.
say "starting at once: a seeding instance (outside prod: demo departments, accounts and client; stopped once ready), A (port $A_PORT) and B (port $B_PORT) in the prod profile"
java -Xmx512m -jar "$JAR" --server.port="$SEED_PORT" --chengxin.data-dir="$WORK/seed" \
    --spring.datasource.url="$DB_URL" --spring.datasource.username=chengxin --spring.datasource.password=chengxin-two-instances \
    --chengxin.crypto.sm4-keys="$CHENGXIN_SM4_KEYS" --chengxin.crypto.sm4-active-key=k1 \
    --chengxin.crypto.blind-index-key="$CHENGXIN_BLIND_INDEX_KEY" --chengxin.audit.chain-key="$CHENGXIN_AUDIT_CHAIN_KEY" \
    --chengxin.security.jwt-signing-key="$CHENGXIN_JWT_SIGNING_KEY" --chengxin.security.issuer="$CHENGXIN_ISSUER" \
    --chengxin.demo.citizens=0 --chengxin.demo.records-per-item=0 --chengxin.cluster.instance-name=seed "${JOB_INTERVALS[@]}" \
    >"$WORK/seed.log" 2>&1 &
SEED=$!
PIDS+=("$SEED")
A=$(start_instance A "$A_PORT")
PIDS+=("$A")
B=$(start_instance B "$B_PORT")
PIDS+=("$B")
wait_ready "$SEED_PORT" "$WORK/seed.log" "the seeding instance"
wait_ready "$A_PORT" "$WORK/A.log" "instance A"
wait_ready "$B_PORT" "$WORK/B.log" "instance B"
kill "$SEED"
wait "$SEED" 2>/dev/null || true
for table in catalog_version evaluation_model measures_version; do
    N=$(sql "select count(*) from $table")
    [[ "$N" == "1" ]] || fail "three instances starting at once stored $N rows in $table"
done
ok "three instances started at once: one default catalog, points model and measure list"
UP_SINCE=$(sql "select now()")

say "HAProxy on port $LB_PORT (round robin over A and B)"
cat >"$WORK/haproxy.cfg" <<EOF
global
    maxconn 256
defaults
    mode http
    timeout connect 2s
    timeout client 60s
    timeout server 60s
    retries 3
    # a request on a connection to an instance that just died is sent again to the other one
    retry-on conn-failure empty-response junk-response
    option redispatch 1
frontend platform
    bind 127.0.0.1:$LB_PORT
    default_backend instances
backend instances
    balance roundrobin
    option httpchk GET /actuator/health/readiness
    http-response set-header X-Instance %s
    server A 127.0.0.1:$A_PORT check inter 1s fall 2 rise 1
    server B 127.0.0.1:$B_PORT check inter 1s fall 2 rise 1
EOF
haproxy -f "$WORK/haproxy.cfg" -db >"$WORK/haproxy.log" 2>&1 &
PIDS+=("$!")
LB="http://localhost:$LB_PORT"
for _ in $(seq 1 30); do
    curl -sf "$LB/actuator/health" >/dev/null 2>&1 && break
    sleep 1
done
sleep 2

say "1. round robin reaches both instances"
SEEN=""
for _ in 1 2 3 4; do
    SEEN="$SEEN $(curl -s -o /dev/null -D - "$LB/actuator/health" | tr -d '\r' | sed -n 's/^[Xx]-[Ii]nstance: //p')"
done
[[ "$SEEN" == *A* && "$SEEN" == *B* ]] || fail "four requests through HAProxy were answered by:$SEEN"
ok "four requests through HAProxy answered by:$SEEN"

say "3. a batch pushed through A is reported through B"
java "$ROOT/bench/GenerateRows.java" 200 "$WORK/rows.csv"
TOKEN=$(curl -sf -u demo-scjg:demo-scjg-secret-2026 -d grant_type=client_credentials -d scope=records:write \
    "http://localhost:$A_PORT/oauth2/token" | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
[[ -n "$TOKEN" && "$TOKEN" != *error* ]] || fail "no access token from A"
PUSHED=$(curl -s -H "Authorization: Bearer $TOKEN" -F "file=@$WORK/rows.csv;filename=rows.csv" \
    "http://localhost:$A_PORT/api/v1/record-batches")
BATCH=$(echo "$PUSHED" | sed -n 's/.*"id":\([0-9]*\).*/\1/p')
[[ -n "$BATCH" ]] || fail "push through A answered: $PUSHED"
ok "pushed 200 rows through A: batch $BATCH"
STATUS=""
for _ in $(seq 1 120); do
    REPORT=$(curl -s -H "Authorization: Bearer $TOKEN" "http://localhost:$B_PORT/api/v1/record-batches/$BATCH")
    STATUS=$(echo "$REPORT" | sed -n 's/.*"status":"\([A-Z_]*\)".*/\1/p')
    [[ "$STATUS" == "PROCESSING" || "$STATUS" == "RECEIVED" ]] || break
    sleep 1
done
ACCEPTED=$(echo "$REPORT" | sed -n 's/.*"accepted":\([0-9]*\).*/\1/p')
[[ "$STATUS" == "COMPLETED" && "$ACCEPTED" == "200" ]] || fail "B reports batch $BATCH as: $REPORT"
ok "B reports batch $BATCH: status $STATUS, accepted $ACCEPTED (token issued by A, accepted by B)"
STORED=$(sql "select count(*) from records_record where accepted_at >= '$UP_SINCE'")
[[ "$STORED" == "200" ]] || fail "records stored since both instances started: $STORED"
ok "records stored since both instances started: $STORED"

say "2. scheduled jobs run once across the instances (all runs since the three started, until each frequent job ran twice)"
# the frequent jobs first fire 30 s (delivery), 45 s (sweep) and 60 s (query review) after an instance started: wait
# until each has run at least twice across the instances, at most 150 s
FREQUENT="'notifications.delivery', 'notifications.sweep', 'inquiry.query-review'"
for _ in $(seq 1 150); do
    [[ $(sql "select count(*) from (select job from cluster_job_run where job in ($FREQUENT)
        group by job having count(*) >= 2) j") == "3" ]] && break
    sleep 1
done
sleep 5
psql_ -d chengxin -c "select job, instance, count(*) as runs, min(started_at)::time(0) as first, max(started_at)::time(0) as last
    from cluster_job_run group by job, instance order by job, instance"
for job in records.expiry remedies.escalation; do
    N=$(sql "select count(*) from cluster_job_run where job = '$job'")
    [[ "$N" == "1" ]] || fail "start-up job $job ran $N times with three instances started"
    ok "start-up job $job ran once ($(sql "select instance from cluster_job_run where job = '$job'"))"
done
# each guarded job: no run began before the previous one ended, nor sooner than its gap (half the interval) after it
OVERLAPS=$(sql "select count(*) from (select job, started_at, lag(finished_at) over w as prev_end, lag(started_at) over w as prev_start
    from cluster_job_run window w as (partition by job order by started_at)) r
    where prev_start is not null and (prev_end is null or started_at < prev_end
        or (job = 'notifications.delivery' and started_at - prev_start < interval '1 second')
        or (job = 'notifications.sweep' and started_at - prev_start < interval '1.5 seconds')
        or (job = 'inquiry.query-review' and started_at - prev_start < interval '2 seconds'))")
[[ "$OVERLAPS" == "0" ]] || fail "$OVERLAPS job runs overlapped or followed another of the same job within its gap"
RUNS=$(sql "select count(*) from cluster_job_run where job in ($FREQUENT)")
RAN_TWICE=$(sql "select count(*) from (select job from cluster_job_run where job in ($FREQUENT) group by job having count(*) >= 2) j")
[[ "$RAN_TWICE" == "3" && "$RUNS" -ge 6 ]] || fail "only $RAN_TWICE of the three frequent jobs ran twice within 150 s ($RUNS runs)"
BOTH=$(sql "select count(distinct instance) from cluster_job_run where instance in ('A', 'B')")
[[ "$BOTH" == "2" ]] || echo "    NOTE only one of A and B happened to win a job run in the window"
INSTANCES=$(sql "select string_agg(distinct instance, ',') from cluster_job_run")
ok "$RUNS runs of the three frequent jobs (by $INSTANCES): none overlapping, none within its gap of the previous one"
SKIPPED_TWICE=$(sql "select count(*) from (select job, date_trunc('second', started_at) from cluster_job_run group by 1, 2 having count(*) > 1) d")
[[ "$SKIPPED_TWICE" == "0" ]] || fail "$SKIPPED_TWICE jobs started twice within the same second"

say "4. one audit chain writer"
LEADERS=$(grep -l "本实例成为主写入者" "$WORK/A.log" "$WORK/B.log" | xargs -r -n1 basename | tr '\n' ' ')
[[ $(echo "$LEADERS" | wc -w) -eq 1 ]] || fail "audit chain writers that lead: '$LEADERS'"
ok "the leading writer: $LEADERS"

LEADER=$(echo "$LEADERS" | sed 's/\.log.*//')

say "5. a browser session survives the instance it started on (the login is made to land on the leading writer, $LEADER)"
JAR_COOKIES="$WORK/cookies.txt"
served_by() { tr -d '\r' <"$1" | sed -n 's/^[Xx]-[Ii]nstance: //p'; }
LOGGED_IN_ON=""
for attempt in 1 2 3 4; do
    rm -f "$JAR_COOKIES"
    # round robin: after a request answered by the leader, the login page comes from the other and the login from it
    for _ in 1 2 3; do
        curl -s -o /dev/null -D "$WORK/h0" "$LB/actuator/health"
        [[ "$(served_by "$WORK/h0")" == "$LEADER" ]] && break
    done
    LOGIN_PAGE=$(curl -s -c "$JAR_COOKIES" -b "$JAR_COOKIES" -D "$WORK/h1" "$LB/login")
    CSRF=$(echo "$LOGIN_PAGE" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
    [[ -n "$CSRF" ]] || fail "no CSRF token on the login page"
    curl -s -o /dev/null -c "$JAR_COOKIES" -b "$JAR_COOKIES" -D "$WORK/h2" --data-urlencode account=admin \
        --data-urlencode password=Chengxin2026 --data-urlencode "_csrf=$CSRF" "$LB/login"
    LOGGED_IN_ON=$(served_by "$WORK/h2")
    WHERE=$(tr -d '\r' <"$WORK/h2" | sed -n 's/^[Ll]ocation: //p')
    # the administrator's password step ends at the second factor's page (issue 19): the code comes once it landed
    [[ -n "$LOGGED_IN_ON" && ( "$WHERE" != *login* || "$WHERE" == */login/second-factor ) ]] \
        || fail "login through HAProxy: $(cat "$WORK/h2")"
    [[ "$LOGGED_IN_ON" == "$LEADER" ]] && break
done
[[ "$LOGGED_IN_ON" == "$LEADER" ]] || fail "four logins through HAProxy never landed on the leading writer $LEADER"
if [[ "$WHERE" == */login/second-factor ]]; then
    second_factor "$LB" "$JAR_COOKIES" admin
fi
ok "logged in as admin through HAProxy on instance $LOGGED_IN_ON (login page served by $(served_by "$WORK/h1"))"
page() { curl -s -o "$WORK/page.html" -w '%{http_code} %header{x-instance} %{redirect_url}' -c "$JAR_COOKIES" -b "$JAR_COOKIES" "$LB$1"; }
BEFORE=$(page /admin/agency-blacklist)
[[ "$BEFORE" == 200* ]] || fail "admin page before the kill: $BEFORE"
FORM_CSRF=$(sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' "$WORK/page.html" | head -n 1)
[[ -n "$FORM_CSRF" ]] || fail "no CSRF token on the admin page"
ok "admin page before the kill: $BEFORE"
VICTIM_PID=$A
SURVIVOR=B
if [[ "$LOGGED_IN_ON" == "B" ]]; then VICTIM_PID=$B; SURVIVOR=A; fi
kill -9 "$VICTIM_PID"
wait "$VICTIM_PID" 2>/dev/null || true
ok "killed instance $LOGGED_IN_ON (kill -9)"
for i in 1 2 3 4; do
    AFTER=$(page /admin/agency-blacklist)
    [[ "$AFTER" == "200 $SURVIVOR"* ]] || fail "request $i after the kill: $AFTER (expected 200 from $SURVIVOR, still logged in)"
    grep -q 'name="_csrf"' "$WORK/page.html" || fail "request $i after the kill: not the admin page"
done
ok "4 requests after the kill: 200 from $SURVIVOR, still logged in"
for _ in $(seq 1 20); do
    grep -q "本实例成为主写入者" "$WORK/$SURVIVOR.log" && break
    sleep 1
done
grep -q "本实例成为主写入者" "$WORK/$SURVIVOR.log" || fail "$SURVIVOR did not take over the audit chain writer"
ok "$SURVIVOR took over the audit chain writer"
# the audit trail is the audit administrator's and the auditor's (三员分立): the security audit administrator verifies it
AUDIT_COOKIES="$WORK/audit-cookies.txt"
AUDIT_CSRF=$(curl -s -c "$AUDIT_COOKIES" -b "$AUDIT_COOKIES" "$LB/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
curl -s -o /dev/null -c "$AUDIT_COOKIES" -b "$AUDIT_COOKIES" --data-urlencode account=auditadmin \
    --data-urlencode password=Chengxin2026 --data-urlencode "_csrf=$AUDIT_CSRF" "$LB/login"
second_factor "$LB" "$AUDIT_COOKIES" auditadmin
CHAIN=$(curl -s -b "$AUDIT_COOKIES" "$LB/actuator/auditchain")
[[ "$CHAIN" == *'"intact":true'* ]] || fail "audit chain after the kill: $CHAIN"
ok "audit chain verified through $SURVIVOR: $(echo "$CHAIN" | sed -n 's/.*"entriesChecked":\([0-9]*\).*/\1/p') entries intact"
OUT=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -c "$JAR_COOKIES" -b "$JAR_COOKIES" --data-urlencode "_csrf=$FORM_CSRF" "$LB/logout")
[[ "$OUT" == 302* && "$OUT" != *error* ]] || fail "logout with the CSRF token from before the kill: $OUT"
GONE=$(page /admin/agency-blacklist)
[[ "$GONE" == 302*login* ]] || fail "after logout: $GONE"
ok "the CSRF token from before the kill logged out through $SURVIVOR ($OUT); the page then asks to log in"

echo
echo "TWO INSTANCES: all checks passed in $(( $(date +%s) - STARTED )) s"
