#!/usr/bin/env bash
# A year of the city's use (issue 17, item 4), on the city bench/city-load.sh loaded (CITY_KEEP=1), through the platform's
# own paths (bench/CityYear.java): measure checks, JSON and PDF credit reports and credit status queries by the
# departments' systems (one API client a department, registered on /admin/clients), the serious dishonesty list's
# notices sent by an officer of each department from its candidates on /lists; then the platform started again with its
# clock CITY_DECIDE_OFFSET (P30D) on, past the statement periods, where the officers decide the notices (列入). Prints the
# time and rate of each kind, the tables' counts and the database size before and after.
#   bench/city-year.sh            # a year: 3,600,000 checks, 300,000 + 3,000 reports, 500,000 status queries, 2,000 notices
#   bench/city-year.sh 0.1        # a tenth of it (about five weeks)
# CITY_YEAR_WORKERS (8) requests in flight; BENCH_SKIP_BUILD (1) reuses the packaged jar.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
SCALE=${1:-1}
PORT=${CITY_HTTP_PORT:-18600}
PG_PORT=${CITY_PG_PORT:-55440}
XMX=${CITY_XMX:-1g}
WORKERS=${CITY_YEAR_WORKERS:-8}
DECIDE_OFFSET=${CITY_DECIDE_OFFSET:-P30D}
WORK=target/city
URL="http://localhost:$PORT"
[[ -d "$WORK/data/postgres" ]] || { echo "no city data under $WORK (run CITY_KEEP=1 bench/city-load.sh first)"; exit 1; }
[[ -d "$WORK/files/register" ]] || { echo "no register files under $WORK/files/register (CITY_KEEP=1 bench/city-load.sh keeps them)"; exit 1; }
source bench/lib.sh
BENCH_SKIP_BUILD=${BENCH_SKIP_BUILD-1} bench_jar
export PGPASSWORD=postgres
sql() { psql -qtA -h localhost -p "$PG_PORT" -U postgres -d chengxin -c "$1"; }
now() { date +%s.%N; }
since() { printf "%.1f" "$(echo "$(now) - $1" | bc)"; }

SERVER=
trap server_stop EXIT
start_server() { # extra arguments
    city_start "$WORK/year-server.log" -- "$@"
}
TABLES="measures_check inquiry_report inquiry_query lists_entry audit_entry notifications_notice"
counts() {
    for t in $TABLES; do printf "  %-22s %12s rows %10s\n" "$t" "$(sql "select count(*) from $t")" "$(sql "select pg_size_pretty(pg_total_relation_size('$t'))")"; done
    echo "  database size: $(sql "select pg_size_pretty(pg_database_size('chengxin'))")"
}

echo "==> starting the platform on the city's data (-Xmx$XMX)"
T=$(now)
start_server
echo "    ready in $(since "$T") s"
echo "==> before"
counts
echo "==> a year at scale $SCALE ($WORKERS requests in flight)"
T=$(now)
java -Xmx1500m bench/CityYear.java year "$URL" "$WORK/files/register" "$SCALE" "$WORKERS"
echo "    the year's requests: $(since "$T") s"
server_stop

echo "==> the platform again with its clock $DECIDE_OFFSET on: the notices decided"
T=$(now)
start_server --chengxin.clock.offset="$DECIDE_OFFSET"
echo "    ready in $(since "$T") s"
java bench/CityYear.java decide "$URL"
server_stop

echo "==> after (the platform started again at its own clock)"
start_server
counts
echo "  list entries by status: $(sql "select string_agg(status || ' ' || n, ', ') from (select status, count(*) n from lists_entry group by status) s")"
echo "  checks by matter: $(sql "select string_agg(matter_code || ' ' || n, ', ' order by n desc) from (select matter_code, count(*) n from measures_check group by matter_code) s")"
