# Sourced by the fault scripts and the soak (bench/kill-test.sh, bench/shutdown-test.sh, bench/db-outage-test.sh,
# bench/soak.sh), from the repository's root: the first failed check ends the script, every passed one is printed, and
# the packaged jar is built unless BENCH_SKIP_BUILD is set.

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
