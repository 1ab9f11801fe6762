#!/usr/bin/env bash
# Measures benchmark: loads PEOPLE synthetic people (default 1,000,000) through the real ingestion
# endpoint of the packaged platform (-Xmx1g, embedded PostgreSQL), then drives the real check
# (POST /api/v1/measure-checks, matter XZSP) and a trivial endpoint behind the same authentication
# (GET /api/v1/whoami) with wrk on the same server, after warming both up under load. Prints requests
# per second, p50 and p99 of both and the ratio of their throughputs. Needs Java 17, curl, bc, wrk, psql, python3.
# BENCH_SKIP_LOAD=1 reuses the data of the previous run under target/bench-measures.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PEOPLE=${1:-1000000}
PORT=${BENCH_HTTP_PORT:-18081}
PG_PORT=${BENCH_PG_PORT:-15433}
DURATION=${BENCH_DURATION:-30s}
WARMUP_ROUNDS=${BENCH_WARMUP_ROUNDS:-2}
# after the measurement at 64 connections, the same at these connection counts (20 s each; empty: none)
SWEEP=${BENCH_SWEEP-1 4 16}
WORK=target/bench-measures
URL="http://localhost:$PORT"

if [[ "${BENCH_SKIP_LOAD:-0}" != 1 ]]; then
    rm -rf "$WORK" && mkdir -p "$WORK"
    echo "==> building the application jar"
    ./mvnw -q -B -DskipTests package
    echo "==> generating $PEOPLE people"
    java bench/GenerateCheckPeople.java "$PEOPLE" "$WORK"
    wc -l "$WORK"/*.csv | sed 's/^/    /'
fi
JAR=$(ls target/chengxin-*.jar | grep -v plain | head -n 1)

echo "==> starting the platform (-Xmx1g, embedded PostgreSQL on port $PG_PORT)"
# the recomputation queue is not drained during the run: a load of a million records would otherwise
# keep one core busy for a long while; the check computes the standing from the records themselves
java -Xms1g -Xmx1g ${BENCH_JAVA_OPTS:-} -jar "$JAR" --server.port="$PORT" --chengxin.data-dir="$WORK/data" \
    --chengxin.embedded.port="$PG_PORT" --chengxin.demo.citizens=0 --chengxin.demo.records-per-item=0 \
    --chengxin.evaluation.queue-interval=PT24H > "$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do
    curl -sf "$URL/actuator/health" >/dev/null 2>&1 && break
    sleep 1
done
sleep 3

token() {
    curl -sf -u demo-scjg:demo-scjg-secret-2026 -d grant_type=client_credentials -d scope="$1" "$URL/oauth2/token" \
        | sed 's/.*"access_token":"\([^"]*\)".*/\1/'
}

push() {
    local file=$1 token batch report status start end
    token=$(token records:write)
    start=$(date +%s.%N)
    batch=$(curl -sf -H "Authorization: Bearer $token" -F "file=@$file;filename=$(basename "$file")" \
        "$URL/api/v1/record-batches" | sed 's/.*"id":\([0-9]*\).*/\1/')
    while true; do
        report=$(curl -sf -H "Authorization: Bearer $token" "$URL/api/v1/record-batches/$batch")
        status=$(echo "$report" | sed 's/.*"status":"\([A-Z]*\)".*/\1/')
        [[ "$status" == "PROCESSING" || "$status" == "RECEIVED" ]] || break
        sleep 0.5
    done
    end=$(date +%s.%N)
    echo "    $(basename "$file"): status $status, accepted $(echo "$report" | sed 's/.*"accepted":\([0-9]*\).*/\1/')," \
        "rejected $(echo "$report" | sed 's/.*"rejected":\([0-9]*\).*/\1/'), $(echo "$end - $start" | bc)s"
}

if [[ "${BENCH_SKIP_LOAD:-0}" != 1 ]]; then
    echo "==> loading through POST /api/v1/record-batches as the demo client"
    push "$WORK/penalties.csv"
    push "$WORK/grave.csv"
    push "$WORK/honours.csv"
    # the load queued every person for the per-person recomputation of scores, which would run for a
    # long while next to the benchmark (its first round starts 5 s after start-up whatever the interval);
    # the check does not read stored scores but computes the standing from the records, so it is emptied
    PGPASSWORD=postgres psql -q -h localhost -p "$PG_PORT" -U postgres -d chengxin -c "truncate evaluation_pending"
fi

TOKEN=$(token measures:check)
echo "==> sample checks (counts only)"
for n in 1 11 21; do
    number=$(sed -n "${n}p" "$WORK/numbers.txt")
    curl -sf -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
        -d "{\"idNumber\":\"$number\",\"matterCode\":\"XZSP\"}" "$URL/api/v1/measure-checks" \
        | python3 -c 'import json,sys; c=json.load(sys.stdin); s=c["status"]; print("    person on line", sys.argv[1], "grade", s["grade"], "points", s["points"], "incentives", len(c["incentives"]), "punishments", len(c["punishments"]))' "$n"
done
echo "    whoami: $(curl -sf -H "Authorization: Bearer $TOKEN" "$URL/api/v1/whoami")"

# $1 duration, $2 connections (default 64); wrk needs at least one connection per thread
check() {
    local c=${2:-64}
    wrk -t"$((c < 2 ? 1 : 2))" -c"$c" -d"$1" --latency -s bench/measure-check.lua "$URL/api/v1/measure-checks" -- "$WORK/numbers.txt" "$TOKEN"
}
whoami() {
    local c=${2:-64}
    wrk -t"$((c < 2 ? 1 : 2))" -c"$c" -d"$1" --latency -s bench/whoami.lua "$URL/api/v1/whoami" -- "$TOKEN"
}

echo "==> warming up: $WARMUP_ROUNDS rounds of $DURATION on each endpoint"
for round in $(seq 1 "$WARMUP_ROUNDS"); do
    check "$DURATION" | grep -E "Requests/sec|Non-2xx" | sed "s/^/    check  (warm-up $round) /"
    whoami "$DURATION" | grep -E "Requests/sec|Non-2xx" | sed "s/^/    whoami (warm-up $round) /"
done

# CPU time (user + system, in clock ticks) of the server's JVM and of every PostgreSQL process, read
# from /proc around each measured run: what one request costs, less noisy than the throughput
ticks() {
    local t=0 p
    for p in "$@"; do
        [[ -r /proc/$p/stat ]] && t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0)))
    done
    echo "$t"
}
postgres_pids() { # the embedded server's postmaster and its children (backends, writers)
    local pm
    pm=$(head -n 1 "$WORK/data/postgres/postmaster.pid")
    echo "$pm $(pgrep -P "$pm" | tr '\n' ' ')"
}
measure() { # name wrk-function: runs it, writes $WORK/name.txt and $WORK/name.cpu (JVM and PostgreSQL ms per request)
    local name=$1 fn=$2 j0 p0 j1 p1 n
    j0=$(ticks "$SERVER"); p0=$(ticks $(postgres_pids))
    "$fn" "$DURATION" > "$WORK/$name.txt"
    j1=$(ticks "$SERVER"); p1=$(ticks $(postgres_pids))
    n=$(awk '/requests in/ {print $1}' "$WORK/$name.txt")
    echo "$(echo "scale=3; ($j1 - $j0) * 1000 / $(getconf CLK_TCK) / $n" | bc) $(echo "scale=3; ($p1 - $p0) * 1000 / $(getconf CLK_TCK) / $n" | bc)" \
        > "$WORK/$name.cpu"
}

echo "==> measuring: wrk -t2 -c64 -d$DURATION --latency on each endpoint"
measure check check
LOAD_CHECK=$(cut -d' ' -f1 /proc/loadavg)
measure whoami whoami
LOAD_WHOAMI=$(cut -d' ' -f1 /proc/loadavg)

# wrk prints latencies as 850.00us, 1.23ms or 1.02s
ms() {
    awk -v p="$1" '$1 == p {v = $2; if (v ~ /us$/) {sub(/us$/, "", v); v /= 1000} else if (v ~ /ms$/) {sub(/ms$/, "", v)} \
        else if (v ~ /s$/) {sub(/s$/, "", v); v *= 1000}; printf "%.2f", v}' "$2"
}
rps() { awk '/Requests\/sec/ {printf "%.0f", $2}' "$1"; }
errors() { awk '/Non-2xx/ {n = $5} /Socket errors/ {s = $0} END {print (n ? n : 0) " non-2xx" (s ? "; " s : "")}' "$1"; }

CHECK_RPS=$(rps "$WORK/check.txt")
WHOAMI_RPS=$(rps "$WORK/whoami.txt")
ROWS=$(PGPASSWORD=postgres psql -tAq -h localhost -p "$PG_PORT" -U postgres -d chengxin \
    -c "select (select count(*) from identity_subject) || ' people, ' || (select count(*) from records_record) || ' records'" 2>/dev/null || echo "?")
echo
echo "MEASURES BENCHMARK ($ROWS; server -Xmx1g; wrk -t2 -c64 -d$DURATION; $(nproc) cores)"
printf "  %-40s %8s req/s  p50 %7s ms  p99 %7s ms  (%s; load %s)\n" "POST /api/v1/measure-checks (XZSP)" "$CHECK_RPS" \
    "$(ms 50% "$WORK/check.txt")" "$(ms 99% "$WORK/check.txt")" "$(errors "$WORK/check.txt")" "$LOAD_CHECK"
printf "  %-40s %8s req/s  p50 %7s ms  p99 %7s ms  (%s; load %s)\n" "GET /api/v1/whoami" "$WHOAMI_RPS" \
    "$(ms 50% "$WORK/whoami.txt")" "$(ms 99% "$WORK/whoami.txt")" "$(errors "$WORK/whoami.txt")" "$LOAD_WHOAMI"
echo "  ratio check / whoami throughput: $(echo "scale=2; $CHECK_RPS / $WHOAMI_RPS" | bc)"
read -r CHECK_JVM CHECK_PG < "$WORK/check.cpu"
read -r WHOAMI_JVM WHOAMI_PG < "$WORK/whoami.cpu"
echo "  CPU per request (ms): check JVM $CHECK_JVM, PostgreSQL $CHECK_PG; whoami JVM $WHOAMI_JVM, PostgreSQL $WHOAMI_PG"

if [[ -n "$SWEEP" ]]; then
    echo "  at fewer connections (20 s each, right after the runs above):"
    for c in $SWEEP; do
        check 20s "$c" > "$WORK/check-$c.txt"
        whoami 20s "$c" > "$WORK/whoami-$c.txt"
        printf "    %3s connections: check %6s req/s  p50 %7s ms  p99 %7s ms;  whoami %6s req/s  p50 %7s ms  p99 %7s ms\n" "$c" \
            "$(rps "$WORK/check-$c.txt")" "$(ms 50% "$WORK/check-$c.txt")" "$(ms 99% "$WORK/check-$c.txt")" \
            "$(rps "$WORK/whoami-$c.txt")" "$(ms 50% "$WORK/whoami-$c.txt")" "$(ms 99% "$WORK/whoami-$c.txt")"
    done
fi
