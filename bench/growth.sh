#!/usr/bin/env bash
# Benchmark: how the costs grow with the data. For 1x, 10x and 100x of the shipped
# data (years of meetings, recipients, items), times the whole `kalendarium export`,
# a reminder pass (`remind --queue-only`), the `/` page of `kalendarium serve`, and
# the daemon's RSS after it. Years stop at 108, as the feeds reach 100 years ahead. Each
# cost must grow at most linearly: the table gives each figure per unit of data beside
# it. Bounded: SCALES (default "1 10 100"), ROUNDS each.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps --test >/dev/null
swift build -c release --product kalendarium >/dev/null
bin="$(swift build -c release --show-bin-path)/kalendarium"
.venv/bin/python bench/growth.py "$bin" "${SCALES:-1 10 100}" "${ROUNDS:-3}"
