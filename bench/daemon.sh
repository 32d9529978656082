#!/usr/bin/env bash
# Benchmark: the daemon itself with fifty years of data (the shipped 2019-2021 plus
# `kalendarium plan` for 2022-2068). Cold start to the first 200 on
# /calendars/all.ics and the idle RSS, ROUNDS times (default 5, medians), beside nginx
# starting on the same exported file; then one daemon's RSS after its first feed
# request, after REQUESTS more (default 100000, wrk) and after RELOADS reloads
# (default 1000, a SIGHUP each, waited for on /metrics). Bounded in count and time.
# Needs nginx and wrk (Debian), installed if missing.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps --test >/dev/null
for tool in nginx wrk; do
    command -v "$tool" >/dev/null || { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light wrk >/dev/null; break; }
done
swift build -c release --product kalendarium >/dev/null
.venv/bin/python bench/daemon.py "$(swift build -c release --show-bin-path)/kalendarium"
