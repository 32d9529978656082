#!/usr/bin/env bash
# Runs the kill tests in a loop and tallies what they print: the killed-pass test
# (both servers) and the failover test, ROUNDS times each (default 20). Not part of
# the test command; run it with a build loading the cores to see the worst case:
#   (swift build -c release --scratch-path .build-load &) ; bench/kill-loop.sh
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${ROUNDS:-20}
bin="${KALENDARIUM_BIN:-$(swift build --show-bin-path)/kalendarium}"
log=$(mktemp)
pg=""
if [[ -z "${KALENDARIUM_TEST_POSTGRES:-}" ]]; then
    pg=$(mktemp -d /tmp/kalendarium-pg.XXXXXX)
    trap 'scripts/postgres stop "$pg"; rm -rf "$pg"' EXIT
    KALENDARIUM_TEST_POSTGRES=$(scripts/postgres start "$pg")
    export KALENDARIUM_TEST_POSTGRES
fi
failed=0
for ((i = 1; i <= rounds; i++)); do
    KALENDARIUM_BIN="$bin" .venv/bin/pytest -q -s -p no:cacheprovider \
        Tests/blackbox/test_killed_pass.py "Tests/blackbox/test_cluster.py::test_failover_sends_every_reminder_once" \
        >>"$log" 2>&1 || failed=$((failed + 1))
done
echo "rounds: $rounds, failed rounds: $failed"
echo
echo "| test | kills | lost | duplicates | flagged uncertain (sum) |"
echo "|---|---|---|---|---|"
for server in keeps drops; do
    grep "^server $server:" "$log" | awk -v s="$server" '
        { n++; for (i = 1; i <= NF; i++) { if ($i == "duplicate(s);") d += $(i-1); if ($i == "flagged") u += $(i-1) } }
        END { printf "| killed pass, server %s | %d | 0 | %d | %d |\n", s, n, d, u }'
done
grep "^killed the sender" "$log" | awk '
    { n++; for (i = 1; i <= NF; i++) { if ($i == "duplicate(s),") d += $(i-1); if ($i == "flagged" && $(i+1) == "in") u += $(i-1) } }
    END { printf "| failover (2,000 messages, SIGKILL of the sender) | %d | 0 | %d | %d |\n", n, d, u }'
echo
echo "full log: $log"
grep -E "^(FAILED|ERROR)|AssertionError" "$log" | head -20 || true
