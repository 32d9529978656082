#!/usr/bin/env bash
# Soak: kalendarium serve under wrk on the feeds for DURATION seconds (default 600),
# while calendars/ changes and the daemon reloads every 2 s (an edit and a SIGHUP by
# turns) and an item is written through the API every second. Samples the daemon's
# RSS every 10 s and prints a table: requests, errors, reloads, items, memory. What it
# shows: no errors, every reload and item taken, and memory flat after warm-up.
# Not part of the test command. Needs wrk (Debian), installed if missing.
#   DURATION=600 CONNECTIONS=16 BIN=path/to/kalendarium bench/soak.sh
# Without BIN it builds and uses the release binary.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-600}
CONNECTIONS=${CONNECTIONS:-16}
scripts/install-deps >/dev/null
command -v wrk >/dev/null || apt-get install -y -qq wrk >/dev/null
if [[ -z "${BIN:-}" ]]; then
    swift build -c release --product kalendarium >/dev/null
    BIN="$(swift build -c release --show-bin-path)/kalendarium"
fi
work=$(mktemp -d)
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    [[ -n "${kal_pid:-}" ]] && kill "$kal_pid" 2>/dev/null || true
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

cp -r calendars "$work/calendars"
token=soak-token-0123456789
echo "$token" >"$work/token"
"$BIN" serve --port 0 --calendars "$work/calendars" --state "$work/state" --api-token-file "$work/token" \
    --mail "maildir:$work/mail" --reload-interval 0.5 --log-level warning >"$work/kal.out" 2>"$work/kal.err" &
kal_pid=$!
for _ in $(seq 1 300); do grep -q "^listening on" "$work/kal.out" && break; sleep 0.1; done
base=$(sed -n 's#^listening on \(http://[^/]*\)/$#\1#p' "$work/kal.out")
[[ -n "$base" ]] || { echo "the daemon did not start:"; cat "$work/kal.err"; exit 1; }
rss() { awk '/^VmRSS/ { print $2 }' "/proc/$kal_pid/status"; }
metric() { curl -fs "$base/metrics" | awk -v name="$1" '$1 == name { n += $NF } END { print n + 0 }'; }
reloads() { metric kalendarium_feed_builds_total; }

start_rss=$(rss)
start_reloads=$(reloads)
end=$((SECONDS + DURATION))

# Reloads: every 2 s, an edit of a meeting's note (the file watcher) or a SIGHUP, by turns.
(
    i=0
    while ((SECONDS < end)); do
        sleep 2
        i=$((i + 1))
        if ((i % 2)); then
            sed -i "s/^    note: \"Krockar med Mälartinget.*\"/    note: \"Krockar med Mälartinget $i\"/" \
                "$work/calendars/2021.yaml"
        else
            kill -HUP "$kal_pid"
        fi
        echo "$i" >"$work/reload-rounds"
    done
) &
pids+=($!)

# Items: one POST a second; every answer's status is kept.
(
    i=0
    while ((SECONDS < end)); do
        i=$((i + 1))
        curl -s -o /dev/null -w "%{http_code}\n" -m 10 -X POST "$base/api/v1/items" \
            -H "Authorization: Bearer $token" -H "Content-Type: application/json" \
            -d "{\"title\":\"Soak $i\",\"body\":\"samarbetskommitten\",\"owners\":[\"municipality:huddinge\"]}" \
            >>"$work/items" || echo "000" >>"$work/items"
        sleep 1
    done
) &
pids+=($!)

# Memory: every 10 s.
(
    while ((SECONDS < end)); do
        echo "$SECONDS $(rss)" >>"$work/rss"
        sleep 10
    done
) &
pids+=($!)

wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" "$base/calendars/all.ics" >"$work/wrk" 2>&1
wait "${pids[@]}" 2>/dev/null || true
pids=()

requests=$(awk '/requests in/ { print $1 }' "$work/wrk")
rate=$(awk '/Requests\/sec/ { print $2 }' "$work/wrk")
bad=$(awk '/Non-2xx or 3xx/ { print $NF }' "$work/wrk")
socket=$(awk -F'[ ,]+' '/Socket errors/ { print $4 + $6 + $8 + $10 }' "$work/wrk")
items_ok=$(grep -c '^201$' "$work/items" || true)
items_all=$(wc -l <"$work/items")
rounds=$(cat "$work/reload-rounds" 2>/dev/null || echo 0)
published=$(($(reloads) - start_reloads))
health=$(curl -fs "$base/healthz" | tr -d '\n')
warm=$(awk 'NR == 7 { print $2 }' "$work/rss")
last=$(tail -1 "$work/rss" | awk '{ print $2 }')
peak=$(awk 'max < $2 { max = $2 } END { print max }' "$work/rss")
errors=$(grep -c -i "error" "$work/kal.err" || true)
failures=$(metric kalendarium_reload_failures_total)
# The last edit must be what the feed serves once the reloads have settled.
last_note=$(sed -n 's/^    note: "\(Krockar med Mälartinget[^"]*\)"/\1/p' "$work/calendars/2021.yaml")
sleep 2
if curl -fs "$base/calendars/samarbetskommitten.ics" | tr -d '\r' | sed -e ':a' -e '$!N;s/\n //;ta' -e 'P;D' |
    grep -qF "$last_note"; then
    newest=yes
else
    newest="NO: \"$last_note\" is not in the feed"
fi

printf "\n%-34s %s\n" "duration" "${DURATION} s, wrk -t2 -c${CONNECTIONS} on /calendars/all.ics"
printf "%-34s %s\n" "requests (per second)" "$requests ($rate)"
printf "%-34s %s\n" "non-2xx/3xx, socket errors" "${bad:-0}, ${socket:-0}"
printf "%-34s %s\n" "reload rounds (edits + SIGHUPs)" "$rounds"
printf "%-34s %s\n" "feeds rebuilt, reload failures" "$published, $failures"
printf "%-34s %s\n" "the feed has the last edit" "$newest"
printf "%-34s %s\n" "items POSTed: 201 / all" "$items_ok / $items_all"
printf "%-34s %s\n" "RSS KiB: start, at 60 s, peak, end" "$start_rss, ${warm:-?}, $peak, $last"
printf "%-34s %s\n" "error lines in the daemon's log" "$errors"
printf "%-34s %s\n" "/healthz at the end" "$health"
