#!/usr/bin/env bash
# Benchmark: build every feed for fifty years of data.
#   kalendarium export (release build, the whole command: load YAML, validate, build
#   15 feeds through libical, write) against a peer in the same run: Python's
#   icalendar library building and serialising the same 15 feeds with the same events.
# Prints a table of medians and the ratio. Bounded: RUNS runs each (default 9).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps --test >/dev/null
swift build -c release --product kalendarium >/dev/null
bin="$(swift build -c release --show-bin-path)/kalendarium"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r calendars "$work/calendars"
# Fifty years of meetings: the shipped 2019–2021 plus plans for 2022–2068.
for year in $(seq 2022 2068); do
    "$bin" plan "$year" --calendars "$work/calendars" --out "$work/calendars/$year.yaml" 2>/dev/null
done
.venv/bin/python bench/feeds.py "$bin" "$work" "${RUNS:-9}"
