#!/usr/bin/env bash
# Benchmark: what reloads cost the requests being served. wrk on GET /calendars/all.ics
# for DURATION seconds (default 20), once with no reloads and once while the daemon
# reloads every second (a touched calendar file and a SIGHUP by turns, so both the
# file poll and the signal are exercised), ROUNDS times (default 3) alternating, and
# prints p50, p99, p99.9 and the slowest request (medians over the rounds), requests/s
# and the reloads that ran. Bounded: at most DURATION reloads a round.
# A peer in the same run: BEFORE=path/to/another/kalendarium is measured the same way
# (e.g. a release build of the commit before a change), its rows next to BIN's.
# Not part of the test command. Needs wrk (Debian), installed if missing.
#   DURATION=20 ROUNDS=3 CONNECTIONS=8 BIN=... BEFORE=... bench/reload-latency.sh
# Without BIN it builds and uses the release binary.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-20}
ROUNDS=${ROUNDS:-3}
CONNECTIONS=${CONNECTIONS:-8}
scripts/install-deps >/dev/null
command -v wrk >/dev/null || apt-get install -y -qq wrk >/dev/null
if [[ -z "${BIN:-}" ]]; then
    swift build -c release --product kalendarium >/dev/null
    BIN="$(swift build -c release --show-bin-path)/kalendarium"
fi
work=$(mktemp -d)
cleanup() {
    [[ -n "${reloader_pid:-}" ]] && kill "$reloader_pid" 2>/dev/null || true
    [[ -n "${kal_pid:-}" ]] && kill "$kal_pid" 2>/dev/null || true
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

# wrk's own percentiles stop at 99 %; this prints them in milliseconds, with 99.9 % and the maximum.
cat >"$work/latency.lua" <<'LUA'
done = function(summary, latency, requests)
    io.write(string.format("RESULT %.1f %.3f %.3f %.3f %.3f\n",
        summary.requests / (summary.duration / 1e6),
        latency:percentile(50) / 1000, latency:percentile(99) / 1000,
        latency:percentile(99.9) / 1000, latency.max / 1000))
end
LUA

# Starts `serve` from $1 on a fresh copy of calendars/; sets kal_pid and base.
start() {
    rm -rf "$work/calendars" "$work/state"
    cp -r calendars "$work/calendars"
    "$1" serve --port 0 --calendars "$work/calendars" --state "$work/state" --mail "maildir:$work/mail" \
        --reload-interval 0.25 --log-level warning >"$work/kal.out" 2>"$work/kal.err" &
    kal_pid=$!
    base=""
    for _ in $(seq 1 300); do grep -q "^listening on" "$work/kal.out" && break; sleep 0.1; done
    base=$(sed -n 's#^listening on \(http://[^/]*\)/$#\1#p' "$work/kal.out")
    [[ -n "$base" ]] || { echo "$1 did not start:"; cat "$work/kal.err"; exit 1; }
}
stop() { kill "$kal_pid"; wait "$kal_pid" 2>/dev/null || true; kal_pid=""; }
builds() { curl -fs "$base/metrics" | awk '$1 == "kalendarium_feed_builds_total" { print $2 }'; }

# Prints "requests/s p50 p99 p99.9 max reloads" for one wrk run, reloading every second when $1 is "reloads".
measure() {
    local before after
    before=$(builds)
    if [[ $1 == reloads ]]; then
        (
            for i in $(seq 1 "$DURATION"); do
                sleep 1
                if ((i % 2)); then touch "$work/calendars/2021.yaml"; else kill -HUP "$kal_pid"; fi
            done
        ) &
        reloader_pid=$!
    fi
    wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" -s "$work/latency.lua" "$base/calendars/all.ics" \
        | awk '/^RESULT/ { printf "%s %s %s %s %s", $2, $3, $4, $5, $6 }'
    if [[ -n "${reloader_pid:-}" ]]; then wait "$reloader_pid" || true; reloader_pid=""; fi
    sleep 0.5  # the last reload finishes
    after=$(builds)
    echo " $((after - before))"
}
median() { sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

binaries=(this)
declare -A path=([this]=$BIN)
if [[ -n "${BEFORE:-}" ]]; then binaries=(before this); path[before]=$BEFORE; fi
declare -A results
for name in "${binaries[@]}"; do
    start "${path[$name]}"
    wrk -t1 -c"$CONNECTIONS" -d2s "$base/calendars/all.ics" >/dev/null  # warm-up
    for _ in $(seq 1 "$ROUNDS"); do
        for mode in quiet reloads; do results[$name,$mode]+="$(measure "$mode")"$'\n'; done
    done
    stop
done

column() { printf '%s' "${results[$1,$2]}" | awk -v c="$3" 'NF { print $c }' | median; }
echo "GET /calendars/all.ics, wrk -t1 -c$CONNECTIONS, ${DURATION}s x $ROUNDS rounds, medians; reloads: a touch or a SIGHUP each second; $(nproc) cores"
printf '| %-7s | %-21s | %10s | %7s | %7s | %8s | %8s | %7s |\n' build case "requests/s" "p50 ms" "p99 ms" "p99.9 ms" "max ms" reloads
printf '|%s|%s|%s|%s|%s|%s|%s|%s|\n' "---------" "-----------------------" "------------" "---------" "---------" "----------" "----------" "---------"
for name in "${binaries[@]}"; do
    for mode in quiet reloads; do
        label="no reloads"; [[ $mode == reloads ]] && label="a reload every second"
        printf '| %-7s | %-21s | %10s | %7s | %7s | %8s | %8s | %7s |\n' "$name" "$label" \
            "$(column "$name" "$mode" 1)" "$(column "$name" "$mode" 2)" "$(column "$name" "$mode" 3)" \
            "$(column "$name" "$mode" 4)" "$(column "$name" "$mode" 5)" "$(column "$name" "$mode" 6)"
    done
done
