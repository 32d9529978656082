#!/usr/bin/env bash
# Benchmark: kalendarium serve against nginx serving the same exported feed, in the
# same run, with wrk on loopback. Two cases: the full all.ics (no compression on
# either side) and the 304 path (If-None-Match with each server's own ETag).
# Bounded: each case runs DURATION seconds (default 10), ROUNDS times (default 3);
# the table shows medians. Needs nginx and wrk (Debian), installed if missing.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-10}
ROUNDS=${ROUNDS:-3}
CONNECTIONS=${CONNECTIONS:-32}
scripts/install-deps >/dev/null
for tool in nginx wrk; do
    command -v "$tool" >/dev/null || { apt-get install -y -qq nginx-light wrk >/dev/null; break; }
done
swift build -c release --product kalendarium >/dev/null
bin="$(swift build -c release --show-bin-path)/kalendarium"
work=$(mktemp -d)
cleanup() {
    [[ -n "${kal_pid:-}" ]] && kill "$kal_pid" 2>/dev/null || true
    [[ -f "$work/nginx.pid" ]] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

"$bin" export --out "$work/feeds/calendars" --state "$work/state" >/dev/null
"$bin" serve --port 18080 --state "$work/state" --log-level warning >"$work/kal.out" 2>"$work/kal.err" &
kal_pid=$!
cat >"$work/nginx.conf" <<NGINX
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx.err;
events { worker_connections 1024; }
http {
    access_log off;
    types { text/calendar ics; }
    server {
        listen 127.0.0.1:18081;
        root $work/feeds;
        etag on;
    }
}
NGINX
nginx -c "$work/nginx.conf"
for _ in $(seq 1 100); do curl -fs -o /dev/null http://127.0.0.1:18080/healthz && break; sleep 0.1; done

kal_etag=$(curl -sI http://127.0.0.1:18080/calendars/all.ics | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}')
ngx_etag=$(curl -sI http://127.0.0.1:18081/calendars/all.ics | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}')
size=$(stat -c %s "$work/feeds/calendars/all.ics")

# Prints "requests/s p99-ms" for one wrk run.
measure() {
    local url=$1 header=${2:-}
    local args=(-t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency)
    [[ -n "$header" ]] && args+=(-H "$header")
    wrk "${args[@]}" "$url" | awk '
        /Requests\/sec/ { rps = $2 }
        /^ +99%/ { v = $2; if (v ~ /us$/) { sub(/us/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms/, "", v) } else if (v ~ /s$/) { sub(/s/, "", v); v *= 1000 }; p99 = v }
        END { printf "%s %s\n", rps, p99 }'
}
median() { sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

declare -A rps p99
for case in full 304; do
    for server in kalendarium nginx; do
        port=18080; etag=$kal_etag
        [[ $server == nginx ]] && { port=18081; etag=$ngx_etag; }
        header=""; [[ $case == 304 ]] && header="If-None-Match: $etag"
        results=()
        for _ in $(seq 1 "$ROUNDS"); do results+=("$(measure "http://127.0.0.1:$port/calendars/all.ics" "$header")"); done
        rps[$case,$server]=$(printf '%s\n' "${results[@]}" | awk '{print $1}' | median)
        p99[$case,$server]=$(printf '%s\n' "${results[@]}" | awk '{print $2}' | median)
    done
done

echo "all.ics: $size bytes; wrk -t2 -c$CONNECTIONS, ${DURATION}s x $ROUNDS rounds, medians; $(nproc) cores"
printf '| %-22s | %-11s | %12s | %8s | %16s |\n' case server "requests/s" "p99 ms" "rate vs nginx"
printf '|%s|%s|%s|%s|%s|\n' "------------------------" "-------------" "--------------" "----------" "------------------"
for case in full 304; do
    for server in kalendarium nginx; do
        ratio=$(awk -v a="${rps[$case,$server]}" -v b="${rps[$case,nginx]}" 'BEGIN { printf "%.2f", a / b }')
        label="full feed (200)"; [[ $case == 304 ]] && label="If-None-Match (304)"
        printf '| %-22s | %-11s | %12s | %8s | %16s |\n' "$label" "$server" "${rps[$case,$server]}" "${p99[$case,$server]}" "$ratio"
    done
done
