# Shared by ops/backup-drill.sh and ops/replica-demo.sh (sourced, not run): throw-away Debian PostgreSQL 15
# clusters in a scratch directory, and the platform's jar started against them. Needs Java 17, curl, openssl and
# the Debian packages postgresql-15 (binaries in /usr/lib/postgresql/15/bin) and postgresql-client.
# PostgreSQL refuses to run as root: when run as root, the clusters run as the "postgres" system user.

PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PG_USER=postgres
APP_PIDS=()
CLUSTER_DIRS=()

now_s() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
say() { echo "==> $*"; }
fail() { echo "FAILED: $*" >&2; exit 1; }

as_pg() {
    if [[ $(id -u) -eq 0 ]]; then
        (cd / && runuser -u "$PG_USER" -- "$@")
    else
        "$@"
    fi
}

# scratch directory (PostgreSQL's files must belong to the user that runs it)
make_work() {
    WORK=$(mktemp -d "${TMPDIR:-/tmp}/chengxin-$1.XXXXXX")
    chmod 755 "$WORK"
    [[ $(id -u) -eq 0 ]] && chown "$PG_USER" "$WORK"
    mkdir -p "$WORK/app"
    # the clusters' sockets (outside their data directories, which pg_basebackup copies)
    as_pg mkdir -p "$WORK/run"
}

# new_cluster DIR PORT: initdb, WAL archiving into $WORK/archive, streaming replication allowed
new_cluster() {
    local dir=$1 port=$2
    as_pg mkdir -p "$WORK/archive"
    as_pg "$PGBIN/initdb" -D "$dir" -U postgres -E UTF8 --locale=C.UTF-8 --auth-local=peer --auth-host=scram-sha-256 >/dev/null
    as_pg tee -a "$dir/postgresql.conf" >/dev/null <<CONF
# ops/pg-lib.sh
port = $port
listen_addresses = '127.0.0.1'
unix_socket_directories = '$WORK/run'
wal_level = replica
archive_mode = on
archive_command = 'test ! -f $WORK/archive/%f && cp %p $WORK/archive/%f'
archive_timeout = 60
max_wal_senders = 5
hot_standby = on
shared_buffers = 128MB
max_connections = 60
CONF
}

# start_cluster DIR: pg_ctl start and wait until it answers
start_cluster() {
    local dir=$1
    as_pg "$PGBIN/pg_ctl" -D "$dir" -l "$dir.log" -w -t 300 start >/dev/null || { tail -n 30 "$dir.log" >&2; fail "PostgreSQL in $dir did not start"; }
    CLUSTER_DIRS+=("$dir")
}

stop_cluster() {
    as_pg "$PGBIN/pg_ctl" -D "$1" -m fast -w stop >/dev/null 2>&1 || true
}

# sql DIR PORT "statement": one value, as the superuser over the cluster's socket (DIR only names the cluster)
sql() {
    as_pg "$PGBIN/psql" -X -h "$WORK/run" -p "$2" -U postgres -d "${SQL_DB:-chengxin}" -v ON_ERROR_STOP=1 -Atqc "$3"
}

# create_app_database DIR PORT PASSWORD: the platform's own role (no superuser) and database
create_app_database() {
    as_pg "$PGBIN/psql" -X -h "$WORK/run" -p "$2" -U postgres -d postgres -v ON_ERROR_STOP=1 -q >/dev/null <<SQL
set client_min_messages = warning;
create role chengxin with login nosuperuser nocreatedb nocreaterole password '$3';
create database chengxin owner chengxin encoding 'UTF8' template template0;
SQL
}

# keys made the way .ci/run makes them, kept in $WORK/keys.env (0600) so that a restored database is read with the
# same keys; exported under the property names the default profile reads
make_keys() {
    umask 077
    {
        echo "export CHENGXIN_CRYPTO_SM4_KEYS=k1:$(openssl rand -hex 16),k2:$(openssl rand -hex 16)"
        echo "export CHENGXIN_CRYPTO_SM4_ACTIVE_KEY=k2"
        echo "export CHENGXIN_CRYPTO_BLIND_INDEX_KEY=$(openssl rand -hex 32)"
        echo "export CHENGXIN_AUDIT_CHAIN_KEY=$(openssl rand -hex 32)"
        echo "export CHENGXIN_SECURITY_JWT_SIGNING_KEY='$(openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -quiet)'"
        echo "export SPRING_DATASOURCE_USERNAME=chengxin"
        echo "export SPRING_DATASOURCE_PASSWORD=$(openssl rand -hex 16)"
    } > "$WORK/keys.env"
    umask 022
}

build_jar() {
    if [[ -z "${CHENGXIN_JAR:-}" ]]; then
        say "building the application jar (./mvnw -DskipTests package; CHENGXIN_JAR=... skips this)"
        ./mvnw -q -B ${MVN_OFFLINE:-} -DskipTests package
        CHENGXIN_JAR=$(ls target/chengxin-*.jar | grep -v plain | head -n 1)
    fi
    [[ -f "$CHENGXIN_JAR" ]] || fail "no jar: $CHENGXIN_JAR"
}

# start_app NAME HTTP_PORT JDBC_URL [more arguments]: the jar in the default profile against the given cluster (not
# the embedded database: a datasource URL is set), its log in $WORK/NAME.log; waits until health answers
start_app() {
    local name=$1 port=$2 url=$3
    shift 3
    (
        # shellcheck disable=SC1091
        source "$WORK/keys.env"
        export SPRING_DATASOURCE_URL="$url"
        exec java -Xmx512m -jar "$CHENGXIN_JAR" --server.port="$port" --chengxin.data-dir="$WORK/app" \
            --chengxin.security.issuer="http://localhost:$port" --chengxin.demo.citizens="${DEMO_CITIZENS:-300}" \
            --chengxin.demo.records-per-item="${DEMO_RECORDS_PER_ITEM:-10}" "$@"
    ) > "$WORK/$name.log" 2>&1 &
    APP_PIDS+=($!)
    APP_PID=$!
    # a loaded machine may take minutes to start the platform (APP_START_TIMEOUT seconds, 900 by default)
    for _ in $(seq 1 "${APP_START_TIMEOUT:-900}"); do
        if curl -sf "http://localhost:$port/actuator/health" >/dev/null 2>&1; then
            return 0
        fi
        kill -0 "$APP_PID" 2>/dev/null || { tail -n 40 "$WORK/$name.log" >&2; fail "the platform ($name) stopped"; }
        sleep 1
    done
    tail -n 40 "$WORK/$name.log" >&2
    fail "the platform ($name) did not answer on port $port"
}

stop_app() {
    local pid=$1
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}

# wait until the demo data is loaded (the loader logs its last line once)
wait_demo() {
    for _ in $(seq 1 600); do
        grep -q "演示部门已通过报送接口报送" "$WORK/$1.log" && return 0
        grep -q "演示数据已存在" "$WORK/$1.log" && return 0
        sleep 1
    done
    fail "the demo data did not load"
}

api_token() {
    curl -sf -u demo-scjg:demo-scjg-secret-2026 -d grant_type=client_credentials -d scope=records:write \
        "http://localhost:$1/oauth2/token" | sed 's/.*"access_token":"\([^"]*\)".*/\1/'
}

# push PORT TOKEN FILE: one batch through POST /api/v1/record-batches, waits for its end; sets BATCH, ACCEPTED
push() {
    local port=$1 token=$2 file=$3 report status
    BATCH=$(curl -sf -H "Authorization: Bearer $token" -F "file=@$file;filename=$(basename "$file")" \
        "http://localhost:$port/api/v1/record-batches" | sed 's/.*"id":\([0-9]*\).*/\1/')
    [[ "$BATCH" =~ ^[0-9]+$ ]] || fail "push refused"
    while true; do
        report=$(curl -sf -H "Authorization: Bearer $token" "http://localhost:$port/api/v1/record-batches/$BATCH")
        status=$(echo "$report" | sed 's/.*"status":"\([A-Z_]*\)".*/\1/')
        [[ "$status" == "PROCESSING" || "$status" == "RECEIVED" ]] || break
        sleep 0.5
    done
    ACCEPTED=$(echo "$report" | sed 's/.*"accepted":\([0-9]*\).*/\1/')
    [[ "$status" == "COMPLETED" ]] || fail "batch $BATCH ended as $status: $report"
}

# rows FILE N PREFIX: N synthetic penalty rows (bench/GenerateRows.java) whose source ids and document numbers carry PREFIX
rows() {
    java bench/GenerateRows.java "$2" "$1.tmp"
    sed -e "2,\$s/^bench-/$3-/" -e "2,\$s/〕\([0-9]*\)号/〕$3-\1号/" "$1.tmp" > "$1"
    rm -f "$1.tmp"
}

# logs in through the form (account, password, CSRF token) with a cookie jar
login() {
    local port=$1 jar=$2 csrf
    csrf=$(curl -sf -c "$jar" "http://localhost:$port/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
    curl -sf -b "$jar" -c "$jar" -o /dev/null --data-urlencode "account=$3" --data-urlencode "password=$4" \
        --data-urlencode "_csrf=$csrf" "http://localhost:$port/login"
}

cleanup_all() {
    local pid dir
    for pid in "${APP_PIDS[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in "${APP_PIDS[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
    for dir in "${CLUSTER_DIRS[@]}"; do
        stop_cluster "$dir"
    done
    if [[ -n "${WORK:-}" && -z "${KEEP_WORK:-}" ]]; then
        rm -rf "$WORK"
    elif [[ -n "${WORK:-}" ]]; then
        echo "(kept $WORK)"
    fi
}
