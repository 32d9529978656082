#!/usr/bin/env bash
# Runs the kill tests in a loop and tallies what they print: the killed-pass test
# (a server that keeps unconfirmed messages, one that drops them) and the failover
# test, ROUNDS times each (default 20). Not part of the test command; run it with a
# build loading the cores to see the worst case:
#   swift build -c release --scratch-path .build-load & bench/kill-loop.sh
# Each round's tests assert the guarantees themselves (nothing lost; a duplicate only
# when flagged uncertain, at most one per kill); the table adds up what they saw.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${ROUNDS:-20}
# LOG=FILE tallies the log of an earlier run instead of running again.
if [[ -n "${LOG:-}" ]]; then
    log=$LOG
    rounds=$(grep -c "server keeps:" "$log" || true)
    failed=$(grep -c "^FAILED" "$log" || true)
fi
bin="${KALENDARIUM_BIN:-$(swift build --show-bin-path)/kalendarium}"
[[ -n "${LOG:-}" ]] || log=$(mktemp)
if [[ -z "${LOG:-}" && -z "${KALENDARIUM_TEST_POSTGRES:-}" ]]; then
    pg=$(mktemp -d /tmp/kalendarium-pg.XXXXXX)
    trap 'scripts/postgres stop "$pg"; rm -rf "$pg"' EXIT
    KALENDARIUM_TEST_POSTGRES=$(scripts/postgres start "$pg")
    export KALENDARIUM_TEST_POSTGRES
fi
[[ -n "${LOG:-}" ]] || failed=0
for ((i = 1; i <= rounds; i++)); do
    [[ -z "${LOG:-}" ]] || break
    KALENDARIUM_BIN="$bin" .venv/bin/pytest -q -s -p no:cacheprovider \
        Tests/blackbox/test_killed_pass.py "Tests/blackbox/test_cluster.py::test_failover_sends_every_reminder_once" \
        >>"$log" 2>&1 || failed=$((failed + 1))
done
lost=$( (grep -oE "[0-9]+ messages lost" "$log" || true) | awk '{ s += $1 } END { print s + 0 }')
echo "rounds: $rounds; rounds with a failed assertion: $failed; messages lost in all: $lost"
echo
echo "| test | kills | duplicates | flagged uncertain | median seconds to resume (pass: kill to all delivered; failover: kill to the other node sending) |"
echo "|---|---|---|---|---|"
tally() { # label, pattern of the test's line
    local lines
    lines=$(grep -oE "$2.*" "$log" || true)
    local median
    median=$(awk '{ for (i = 1; i <= NF; i++) if (($i == "in" || $i == "after") && $(i+2) == "s") print $(i+1) }' \
        <<<"$lines" | sort -n | awk '{ v[NR] = $1 } END { if (NR) print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2 }')
    awk -v label="$1" -v median="${median:-0}" '
        NF { n++
             for (i = 1; i <= NF; i++) {
                 if ($i ~ /^duplicate/) d += $(i-1)
                 if ($i == "flagged" && $(i+1) != "uncertain;") u += $(i-1)
             } }
        END { printf "| %s | %d | %d | %d | %s |\n", label, n, d, u, median }' <<<"$lines"
}
tally "killed pass, server keeps unconfirmed messages" "server keeps:"
tally "killed pass, server drops unconfirmed messages" "server drops:"
tally "failover, 2,000 messages, sending daemon killed" "killed the sender after"
echo
echo "full log: $log"
grep -E "^(FAILED|ERROR)|AssertionError" "$log" | head -20 || true
