#!/usr/bin/env bash
# The whole city (issue 17, item 4): generates RESIDENTS synthetic residents and RECORDS records (bench/GenerateCity.java,
# default the full 5,300,000 and 20,000,000) and loads them through the platform's own paths, on the packaged jar with its
# embedded PostgreSQL under target/city:
#   1. the register files through the administrator's page POST /admin/population (logged in as the demo administrator),
#   2. one API client per department registered on /admin/clients, each department's files pushed through
#      POST /api/v1/record-batches and followed until the batch ends.
# Prints the time of each phase, the counts and the database size. The per-person recomputation queue is paused during the
# load (as in the other benchmarks); CITY_WAIT_SCORES=1 leaves it running and waits until it is empty (scores current).
# At 1/10 scale: bench/city-load.sh 530000 2000000. Needs Java 17, curl, psql, python3. Disk: about 1 GB of database per
# 1,000,000 records plus the generated files; CITY_KEEP=1 keeps target/city afterwards (deleted otherwise).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# push_batch, field
source bench/lib.sh
RESIDENTS=${1:-5300000}
RECORDS=${2:-20000000}
PORT=${CITY_HTTP_PORT:-18600}
PG_PORT=${CITY_PG_PORT:-55440}
XMX=${CITY_XMX:-1g}
WORK=target/city
URL="http://localhost:$PORT"
rm -rf "$WORK" && mkdir -p "$WORK"
export PGPASSWORD=postgres
sql() { psql -qtA -h localhost -p "$PG_PORT" -U postgres -d chengxin -c "$1"; }
now() { date +%s.%N; }
since() { printf "%.1f" "$(echo "$(now) - $1" | bc)"; }
declare -a PHASES=()
phase() { PHASES+=("$(printf "  %-44s %9s s" "$1" "$2")"); echo "    $1: $2 s"; }

if [[ "${CITY_SKIP_BUILD:-0}" != 1 ]] || ! ls target/chengxin-*.jar >/dev/null 2>&1; then
    echo "==> building the application jar"
    ./mvnw -q -B -o -DskipTests package
fi
JAR=$(ls target/chengxin-*.jar | grep -v plain | head -n 1)

echo "==> generating $RESIDENTS residents and $RECORDS records"
T=$(now)
java -Xmx2g bench/GenerateCity.java "$RESIDENTS" "$RECORDS" "$WORK/files" > "$WORK/generate.log"
phase "generate files" "$(since "$T")"
du -sh "$WORK/files/register" "$WORK/files/records" | sed 's/^/    /'

echo "==> starting the platform (-Xmx$XMX, embedded PostgreSQL on port $PG_PORT)"
QUEUE=()
[[ "${CITY_WAIT_SCORES:-0}" == 1 ]] || QUEUE=(--chengxin.evaluation.queue-interval=PT24H)
T=$(now)
java -Xmx"$XMX" ${CITY_JAVA_OPTS:-} -jar "$JAR" --server.port="$PORT" --chengxin.data-dir="$WORK/data" \
    --chengxin.embedded.port="$PG_PORT" --chengxin.demo.citizens=0 --chengxin.demo.records-per-item=0 "${QUEUE[@]}" \
    > "$WORK/server.log" 2>&1 &
SERVER=$!
cleanup() {
    kill "$SERVER" 2>/dev/null || true
    wait "$SERVER" 2>/dev/null || true
    [[ "${CITY_KEEP:-0}" == 1 ]] || rm -rf "$WORK"
}
trap cleanup EXIT
for _ in $(seq 1 300); do
    curl -sf "$URL/actuator/health" >/dev/null 2>&1 && break
    sleep 1
done
# the demo data (departments, accounts) is loaded once the application is ready
for _ in $(seq 1 120); do
    grep -q "演示接入客户端" "$WORK/server.log" && break
    sleep 1
done
phase "start-up (with the demo departments)" "$(since "$T")"

JAR_COOKIES="$WORK/cookies.txt"
csrf() { curl -sf -b "$JAR_COOKIES" -c "$JAR_COOKIES" "$URL$1" | grep -o 'name="_csrf" value="[^"]*"' | head -n 1 | sed 's/.*value="\([^"]*\)"/\1/'; }
echo "==> logging in as the demo administrator"
TOKEN_CSRF=$(csrf /login)
LOCATION=$(curl -s -o /dev/null -w '%{redirect_url}' -b "$JAR_COOKIES" -c "$JAR_COOKIES" \
    --data-urlencode "account=${CITY_ADMIN:-admin}" --data-urlencode "password=${CITY_ADMIN_PASSWORD:-Chengxin2026}" \
    --data-urlencode "_csrf=$TOKEN_CSRF" "$URL/login")
[[ "$LOCATION" != *error* ]] || { echo "login refused ($LOCATION)"; exit 1; }
if [[ "$LOCATION" == */login/second-factor ]]; then
    # the demo's administrator logs in with the demo's TOTP code too (issue 19)
    second_factor "$URL" "$JAR_COOKIES" "${CITY_ADMIN:-admin}"
fi

echo "==> importing the register through POST /admin/population"
T=$(now)
IMPORTED=0
for f in "$WORK"/files/register/*.csv; do
    F=$(now)
    PAGE=$(curl -sf -b "$JAR_COOKIES" -c "$JAR_COOKIES" -H "X-CSRF-TOKEN: $(csrf /admin/population)" \
        -F "file=@$f;type=text/csv" -F "charset=UTF-8" "$URL/admin/population")
    N=$(echo "$PAGE" | grep -o '导入 <span>[0-9]*</span> 行' | head -n 1 | grep -o '[0-9]*' || echo 0)
    [[ "$N" != 0 ]] || { echo "    $(basename "$f"): import failed"; echo "$PAGE" | grep -o 'class="alert[^<]*<[^<]*' | head -n 3; exit 1; }
    IMPORTED=$((IMPORTED + N))
    echo "    $(basename "$f"): $N imported in $(since "$F") s"
done
REGISTER_S=$(since "$T")
phase "register import ($IMPORTED residents)" "$REGISTER_S"

echo "==> registering one API client per department on /admin/clients"
declare -A SECRET=()
for f in "$WORK"/files/records/*-01.csv; do
    d=$(basename "$f" -01.csv)
    PAGE=$(curl -sf -b "$JAR_COOKIES" -c "$JAR_COOKIES" --data-urlencode "_csrf=$(csrf /admin/clients)" \
        --data-urlencode "clientId=city-$d" --data-urlencode "name=全市数据加载（$d）" --data-urlencode "departmentCode=$d" \
        --data-urlencode "scopes=records:write" "$URL/admin/clients")
    SECRET[$d]=$(echo "$PAGE" | grep -o '<code id="secret-value">[^<]*' | sed 's/.*>//')
    [[ -n "${SECRET[$d]}" ]] || { echo "    client for $d not registered"; exit 1; }
done
echo "    ${#SECRET[@]} clients"

token() { curl -sf -u "city-$1:${SECRET[$1]}" -d grant_type=client_credentials -d scope=records:write "$URL/oauth2/token" \
    | sed 's/.*"access_token":"\([^"]*\)".*/\1/'; }
echo "==> pushing the records through POST /api/v1/record-batches"
T=$(now)
ACCEPTED=0
REJECTED=0
for f in "$WORK"/files/records/*.csv; do
    d=$(basename "$f" .csv); d=${d%-*}
    F=$(now)
    # a fresh token for each request: a big batch outlives one
    REPORT=$(push_batch "$URL" "$f" "token $d")
    STATUS=$(field "$REPORT" status)
    A=$(field "$REPORT" accepted); R=$(field "$REPORT" rejected)
    ACCEPTED=$((ACCEPTED + A)); REJECTED=$((REJECTED + R))
    echo "    $(basename "$f"): $STATUS, accepted $A, rejected $R, $(since "$F") s"
done
PUSH_S=$(since "$T")
phase "pushes ($ACCEPTED accepted, $REJECTED rejected)" "$PUSH_S"

if [[ "${CITY_WAIT_SCORES:-0}" == 1 ]]; then
    echo "==> waiting until every affected person's score is current"
    T=$(now)
    while [[ "$(sql 'select count(*) from evaluation_pending')" != 0 ]]; do sleep 5; done
    phase "scores current after the last push" "$(since "$T")"
else
    echo "    $(sql 'select count(*) from evaluation_pending') people queued for recomputation (paused during the load)"
fi

echo
echo "THE WHOLE CITY ($RESIDENTS residents, $RECORDS records; server -Xmx$XMX, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg))"
printf '%s\n' "${PHASES[@]}"
echo "  register: $(sql 'select count(*) from identity_resident') residents, $(sql 'select count(*) from identity_subject') subjects"
echo "  records:  $(sql 'select count(*) from records_record') rows"
printf "  rates: register %s residents/s, pushes %s records/s\n" "$(echo "$IMPORTED / $REGISTER_S" | bc)" "$(echo "$ACCEPTED / $PUSH_S" | bc)"
echo "  database size: $(sql "select pg_size_pretty(pg_database_size('chengxin'))")"
sql "select relname, pg_size_pretty(pg_total_relation_size(oid)) from pg_class where relkind = 'r' and relnamespace = 'public'::regnamespace
     order by pg_total_relation_size(oid) desc limit 6" | sed 's/|/ /; s/^/    /'
