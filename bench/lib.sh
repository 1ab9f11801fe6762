# Sourced by the scripts of bench/ from the repository's root: fail and check (the first failed check ends the script,
# every passed one is printed), bench_jar (the packaged jar, built unless BENCH_SKIP_BUILD is set), and the pushes of
# the benchmarks: field, client_token and push_batch; city_start and server_stop (the platform on the loaded city).

fail() {
    echo "FAILED: $*" >&2
    exit 1
}

check() { # check NAME ACTUAL EXPECTED
    if [[ "$2" != "$3" ]]; then
        fail "$1: $2, expected $3"
    fi
    echo "    ok  $1: $2"
}

bench_jar() { # sets JAR to the packaged jar, built first unless BENCH_SKIP_BUILD is set
    if [[ -z "${BENCH_SKIP_BUILD:-}" ]]; then
        echo "==> building the application jar"
        ./mvnw -q -B -DskipTests package
    fi
    JAR=$(ls target/chengxin-*.jar | grep -v plain | head -n 1)
}

field() { # field JSON NAME: a scalar field of a flat JSON answer
    echo "$1" | grep -o "\"$2\":[^,}]*" | head -n 1 | sed 's/.*://; s/"//g'
}

client_token() { # client_token BASE_URL CLIENT SECRET SCOPE: an access token (client credentials)
    curl -sf -u "$2:$3" -d grant_type=client_credentials -d "scope=$4" "$1/oauth2/token" \
        | sed 's/.*"access_token":"\([^"]*\)".*/\1/'
}

push_batch() { # push_batch BASE_URL FILE TOKEN_COMMAND [POLL_SECONDS]
    # pushes FILE through POST /api/v1/record-batches, follows the batch every POLL_SECONDS (1) until it ends and prints
    # its last report (JSON); TOKEN_COMMAND (words, run for each request) prints the access token to use
    local base=$1 file=$2 token=$3 poll=${4:-1} batch report status
    batch=$(curl -sf -H "Authorization: Bearer $($token)" -F "file=@$file;filename=$(basename "$file")" \
        "$base/api/v1/record-batches" | sed 's/.*"id":\([0-9]*\).*/\1/')
    [[ "$batch" =~ ^[0-9]+$ ]] || fail "the push of $file was refused"
    while true; do
        report=$(curl -sf -H "Authorization: Bearer $($token)" "$base/api/v1/record-batches/$batch")
        status=$(field "$report" status)
        [[ "$status" == "PROCESSING" || "$status" == "RECEIVED" ]] || break
        sleep "$poll"
    done
    echo "$report"
}

# The platform on the city bench/city-load.sh loaded (target/city), as bench/city-measure.sh and bench/city-year.sh start
# it: its embedded PostgreSQL, no demo people or records, the per-person queue and the notifications' background off.
# Needs JAR, XMX, PORT, PG_PORT, WORK and URL; leaves the process in SERVER once it reports itself ready.
city_start() { # city_start LOG [JVM_OPTION ...] -- [ARGUMENT ...]
    local log=$1 jvm=()
    shift
    while [[ $# -gt 0 && "$1" != -- ]]; do jvm+=("$1"); shift; done
    [[ $# -eq 0 ]] || shift
    java -Xmx"$XMX" "${jvm[@]}" -jar "$JAR" --server.port="$PORT" --chengxin.data-dir="$WORK/data" --chengxin.embedded.port="$PG_PORT" \
        --chengxin.demo.citizens=0 --chengxin.demo.records-per-item=0 --chengxin.evaluation.queue-interval=PT24H \
        --chengxin.evaluation.queue-initial-delay=PT24H --chengxin.notifications.background=false "$@" >> "$log" 2>&1 &
    SERVER=$!
    for _ in $(seq 1 600); do
        # ready: the start-up jobs (expiry, escalation) have run and the kept counts are counted
        curl -sf "$URL/actuator/health/readiness" >/dev/null 2>&1 && return 0
        kill -0 "$SERVER" 2>/dev/null || fail "the platform did not start (see $log)"
        sleep 1
    done
    fail "the platform did not answer within 10 minutes (see $log)"
}

server_stop() { # stops the platform in SERVER, if any, and waits for it
    if [[ -n "${SERVER:-}" ]]; then
        kill "$SERVER" 2>/dev/null || true
        wait "$SERVER" 2>/dev/null || true
        SERVER=
    fi
}

# The demo's TOTP secret (README, "Demo logins"): the demo's administrators, reviewers and auditor log in with it.
DEMO_TOTP_SECRET=KRSXG5CDNBSW4Z3YNFXECZDNNFXA
declare -A TOTP_LAST_STEP=()

demo_totp() { # demo_totp STEP: the demo secret's RFC 6238 code (SHA-1, 6 digits, 30 s) of that time step
    python3 - "$DEMO_TOTP_SECRET" "$1" <<'PY'
import base64, hashlib, hmac, struct, sys
secret, step = sys.argv[1], int(sys.argv[2])
key = base64.b32decode(secret + "=" * ((8 - len(secret) % 8) % 8))
digest = hmac.new(key, struct.pack(">Q", step), hashlib.sha1).digest()
offset = digest[-1] & 15
print("%06d" % ((struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1000000))
PY
}

second_factor() { # second_factor BASE_URL COOKIE_JAR ACCOUNT: completes a login the password step left at the code page
    # a code is accepted once per account: a second login of the same account within one 30 s step waits for the next
    local base=$1 jar=$2 account=$3 step csrf where
    step=$(( $(date +%s) / 30 ))
    while [[ "${TOTP_LAST_STEP[$account]:-}" == "$step" ]]; do
        sleep 1
        step=$(( $(date +%s) / 30 ))
    done
    TOTP_LAST_STEP[$account]=$step
    csrf=$(curl -s -c "$jar" -b "$jar" "$base/login/second-factor" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
    [[ -n "$csrf" ]] || fail "no CSRF token on the second-factor page for $account"
    where=$(curl -s -o /dev/null -w '%{redirect_url}' -c "$jar" -b "$jar" --data-urlencode "code=$(demo_totp "$step")" \
        --data-urlencode "_csrf=$csrf" "$base/login/second-factor")
    [[ -n "$where" && "$where" != *login* ]] || fail "second factor of $account refused (answer: ${where:-no redirect})"
}
