#!/usr/bin/env bash
# HTTP throughput and latency of `ladder serve` against bare net/http, in one
# run on this machine (issue 3, "Speed"). Measures requests per second and
# p50/p99 latency at $CONNS concurrent keep-alive connections, $WARMUP of
# warm-up then $DURATION measured, for:
#   (a) the dashboard page / of the demo person (ladder serve --demo),
#   (b) GET /api/v1/gaps of the demo person (skipped while the route is 404),
#   (c) a bare net/http handler returning a static page of (a)'s size,
#   (d) a bare handler returning a JSON body of (b)'s size,
# and prints (a)/(c), (b)/(d) and whether the aims are met. The four runs are
# repeated $ROUNDS times, interleaved, and the medians judged, so a burst of
# other work on the machine does not decide the verdict (ROUNDS=1 for a quick
# look). The servers run on core 0 with GOMAXPROCS=1, the load tool
# (bench/http) on core 1. Traffic goes to 127.0.0.1 only; everything is
# bounded in time (about ROUNDS x 4 x (WARMUP + DURATION)) and the servers are
# killed on exit. Exit status 0 whatever the figures (1 if the run fails).
set -euo pipefail
cd "$(dirname "$0")/.."

CONNS=${CONNS:-32}
WARMUP=${WARMUP:-2s}
DURATION=${DURATION:-10s}
ROUNDS=${ROUNDS:-3}
SERVER_CPU=${SERVER_CPU:-0}
CLIENT_CPU=${CLIENT_CPU:-1}

out=bench/out/http
mkdir -p "$out"
tmp=$(mktemp -d)
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# secs 10s -> 10 (durations are whole seconds).
secs() {
    [[ $1 =~ ^[0-9]+s$ ]] || { echo "durations are whole seconds such as 10s, not $1" >&2; exit 2; }
    echo "${1%s}"
}
secs "$WARMUP" >/dev/null && secs "$DURATION" >/dev/null
[[ $ROUNDS =~ ^[1-9]$ ]] || { echo "ROUNDS is 1 to 9, not $ROUNDS" >&2; exit 2; }
bound=$(( $(secs "$WARMUP") + $(secs "$DURATION") + 20 )) # per load run, seconds

echo "== building"
go build -o "$out/ladder" ./cmd/ladder
go build -o "$out/bare" ./bench/bare
go build -o "$out/load" ./bench/http

rev="not a git checkout"
if git rev-parse --git-dir >/dev/null 2>&1; then
    rev="commit $(git rev-parse --short HEAD)"
    git diff --quiet HEAD 2>/dev/null || rev="$rev + uncommitted changes"
fi
echo "== machine: $(nproc) cores, $(go env GOVERSION), $rev, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "   (other work on this machine skews the figures: the load average should be well below 1 before a run)"

# wait_addr FILE PATTERN: the address a server prints once it listens.
wait_addr() {
    local file=$1 sed_expr=$2 addr=""
    for _ in $(seq 300); do
        addr=$(sed -n "$sed_expr" "$file" 2>/dev/null | head -n1)
        [ -n "$addr" ] && { echo "$addr"; return 0; }
        sleep 0.1
    done
    return 1
}

# cpu_ticks PID: user+system clock ticks the process has used.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
hz=$(getconf CLK_TCK)

# run NAME URL PID [extra load flags]: one measured run of round $round;
# prints the load tool's lines and the server's CPU use, and keeps the figures
# under "NAME,ROUND".
declare -A RPS P50 P99 ERR BODY CCPU SCPU
run() {
    local name=$1 url=$2 pid=$3; shift 3
    local t0 t1 res k="$name,$round"
    t0=$(cpu_ticks "$pid")
    res=$(timeout "$bound" taskset -c "$CLIENT_CPU" env GOMAXPROCS=1 "$out/load" load -name "$name" -url "$url" \
        -c "$CONNS" -warmup "$WARMUP" -d "$DURATION" "$@") || { echo "load tool failed for $name"; return 1; }
    t1=$(cpu_ticks "$pid")
    grep -v '^RESULT' <<<"$res" | sed "s/^/[$round] /"
    local line; line=$(grep '^RESULT' <<<"$res")
    RPS[$k]=$(sed -n 's/.* rps=\([^ ]*\).*/\1/p' <<<"$line")
    P50[$k]=$(sed -n 's/.* p50_ms=\([^ ]*\).*/\1/p' <<<"$line")
    P99[$k]=$(sed -n 's/.* p99_ms=\([^ ]*\).*/\1/p' <<<"$line")
    ERR[$k]=$(sed -n 's/.* errors=\([^ ]*\).*/\1/p' <<<"$line")
    BODY[$k]=$(sed -n 's/.* body=\([^ ]*\).*/\1/p' <<<"$line")
    CCPU[$k]=$(sed -n 's/.* client_cpu=\([^ ]*\).*/\1/p' <<<"$line")
    SCPU[$k]=$(awk -v t=$((t1 - t0)) -v hz="$hz" -v w="$(secs "$WARMUP")" -v d="$(secs "$DURATION")" \
        'BEGIN { printf "%.0f", 100 * t / hz / (w + d) }')
    printf '[%s] %-10s server CPU %s%% of one core (warm-up and run)\n' "$round" "$name" "${SCPU[$k]}"
}

echo "== starting ladder serve --demo (core $SERVER_CPU, GOMAXPROCS=1, fresh LADDER_DATA_DIR)"
mkdir -p "$tmp/data"
LADDER_DATA_DIR="$tmp/data" GOMAXPROCS=1 taskset -c "$SERVER_CPU" "$out/ladder" serve --demo --addr 127.0.0.1:0 --log-level warn \
    >"$tmp/ladder.out" 2>"$tmp/ladder.err" &
ladder_pid=$!
pids+=("$ladder_pid")
addr=$(wait_addr "$tmp/ladder.out" 's#.*running at http://\([^/]*\)/.*#\1#p') || { echo "ladder serve did not start:"; cat "$tmp/ladder.err"; exit 1; }
base="http://$addr"

got=$("$out/load" get -url "$base/demo" -cookie ladder_session)
cookie=$(sed -n 's/.* cookie=\([^ ]*\).*/\1/p' <<<"$got")
[ -n "$cookie" ] || { echo "GET /demo set no session cookie: $got"; exit 1; }

got=$("$out/load" get -url "$base/" -H "Cookie: $cookie" -o "$tmp/dashboard.html")
[[ $got == status=200* ]] || { echo "GET / with the demo session: $got"; exit 1; }
page_bytes=$(sed -n 's/.* bytes=\([0-9]*\).*/\1/p' <<<"$got")
echo "dashboard: $got"

api=yes
got=$("$out/load" get -url "$base/api/v1/gaps" -H "Cookie: $cookie" -H "Accept: application/json" -o "$tmp/gaps.json")
case $got in
status=200*)
    echo "api gaps:  $got"
    json_flags=(-json "$tmp/gaps.json")
    ;;
status=404*)
    echo "API not available yet (GET /api/v1/gaps answered 404); (d) uses the demo person's 38 gap rows from \`ladder gaps --json\`, compacted"
    api=no
    LADDER_DATA_DIR="$tmp/data" "$out/ladder" --person alex.moreno@example.com gaps --json >"$tmp/gaps.json"
    json_flags=(-json "$tmp/gaps.json" -compact)
    ;;
*)
    echo "API answered unexpectedly with the session cookie: $got; (b) skipped"
    api=failed
    LADDER_DATA_DIR="$tmp/data" "$out/ladder" --person alex.moreno@example.com gaps --json >"$tmp/gaps.json"
    json_flags=(-json "$tmp/gaps.json" -compact)
    ;;
esac
json_bytes=$(sed -n 's/.* bytes=\([0-9]*\).*/\1/p' <<<"$got")

GOMAXPROCS=1 taskset -c "$SERVER_CPU" "$out/bare" -addr 127.0.0.1:0 -html "$tmp/dashboard.html" "${json_flags[@]}" \
    >"$tmp/bare.out" 2>"$tmp/bare.err" &
bare_pid=$!
pids+=("$bare_pid")
bare=$(wait_addr "$tmp/bare.out" 's/^listening on \([^ ]*\).*/\1/p') || { echo "bare server did not start:"; cat "$tmp/bare.err"; exit 1; }
echo "bare:      $(cat "$tmp/bare.out")"

echo "== load: $CONNS connections, $WARMUP warm-up, $DURATION measured, $ROUNDS round(s), load tool on core $CLIENT_CPU"
names=(dashboard)
[ "$api" = yes ] && names+=(api)
names+=(bare-page bare-json)
for round in $(seq "$ROUNDS"); do
    run dashboard "$base/" "$ladder_pid" -H "Cookie: $cookie" -min-body $(( page_bytes / 2 ))
    if [ "$api" = yes ]; then
        run api "$base/api/v1/gaps" "$ladder_pid" -H "Cookie: $cookie" -H "Accept: application/json" -min-body $(( json_bytes / 2 ))
    fi
    run bare-page "http://$bare/page" "$bare_pid"
    run bare-json "http://$bare/json" "$bare_pid"
done

# The medians over the rounds (errors: the sum) are what is judged.
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
for n in "${names[@]}"; do
    for f in RPS P50 P99 CCPU SCPU; do
        declare -n arr=$f
        vals=()
        for r in $(seq "$ROUNDS"); do vals+=("${arr[$n,$r]}"); done
        arr[$n]=$(median "${vals[@]}")
        unset -n arr
    done
    e=0
    for r in $(seq "$ROUNDS"); do e=$(( e + ${ERR[$n,$r]} )); done
    ERR[$n]=$e
done
if [ -s "$tmp/ladder.err" ]; then
    echo "ladder serve logged (first lines):"; head -n5 "$tmp/ladder.err"
fi

echo "== summary: medians of $ROUNDS round(s), errors summed (load average now $(cut -d' ' -f1-3 /proc/loadavg))"
# verdict NAME BASE MIN_RATIO MAX_P99
verdict() {
    awk -v n="$1" -v r="${RPS[$1]}" -v b="${RPS[$2]}" -v p50="${P50[$1]}" -v p99="${P99[$1]}" -v e="${ERR[$1]}" \
        -v bn="$2" -v min="$3" -v lim="$4" 'BEGIN {
        ratio = (b > 0) ? r / b : 0
        ok = (ratio >= min && p99 < lim && e == 0)
        printf "%-10s %8.0f req/s  p50 %6.2f ms  p99 %6.2f ms  errors %d  =  %5.1f%% of %s (%.0f req/s)   aim >= %.0f%%, p99 < %g ms, no errors: %s\n",
            n, r, p50, p99, e, 100 * ratio, bn, b, 100 * min, lim, ok ? "MET" : "MISSED"
        exit !ok }'
}
for n in bare-page bare-json; do
    [ "${ERR[$n]:-0}" = 0 ] || echo "warning: $n had ${ERR[$n]} errors: its figure is no baseline"
    awk -v c="${CCPU[$n]:-0}" 'BEGIN { exit !(c < 90) }' || echo "warning: the load tool used ${CCPU[$n]}% of its core on $n: it may be the limit there, which flatters the ratio"
    awk -v c="${SCPU[$n]:-100}" 'BEGIN { exit !(c >= 85) }' || echo "warning: the $n server used only ${SCPU[$n]}% of its core (load tool ${CCPU[$n]}%): other work on this machine took the rest, so the baseline is too low and the ratios flatter; run again on a quiet machine"
done
status=0
verdict dashboard bare-page 0.05 25 || status=1
case $api in
yes) verdict api bare-json 0.20 5 || status=1 ;;
no) echo "api        API not available yet: (b)/(d) not measured; bare JSON of $(sed -n 's/.*json \([0-9]*\) B.*/\1/p' "$tmp/bare.out") B measured above" ;;
*) echo "api        (b) skipped: the API did not answer 200 with the session cookie"; status=1 ;;
esac
if [ $status -eq 0 ] && [ "$api" = yes ]; then
    echo "all aims met"
else
    echo "aims not (all) met yet"
fi
