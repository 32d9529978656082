#!/usr/bin/env bash
# Benchmark: 10,000 reminders decided, queued and dispatched to two local SMTP sinks
# (aiosmtpd, and Postfix's smtp-sink: Debian postfix, installed if missing).
# Prints messages per second and peak memory for `kalendarium remind --send-only`, on
# SQLite and on PostgreSQL (a throwaway server on loopback, scripts/postgres), over
# CONNECTIONS connections to smtp-sink (default "1 4"), and for a peer in the same
# run: Python's smtplib sending the same rendered messages from the outbox over one
# connection to the same sink. Bounded: N messages (default 10000), one run each;
# queueing ROUNDS times (default 3).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps --test >/dev/null
command -v /usr/bin/time >/dev/null || apt-get install -y -qq time >/dev/null
[[ -x /usr/sbin/smtp-sink ]] || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postfix >/dev/null
swift build -c release --product kalendarium >/dev/null
bin="$(swift build -c release --show-bin-path)/kalendarium"
pg=$(mktemp -d /tmp/kalendarium-bench-pg.XXXXXX)
trap 'scripts/postgres stop "$pg"; rm -rf "$pg"' EXIT
url=$(scripts/postgres start "$pg")
.venv/bin/python bench/reminders.py "$bin" "${N:-10000}" "$url"
