#!/usr/bin/env bash
# Benchmark: kalendarium serve against nginx serving the same exported feed, in the
# same run, with wrk on loopback, at two sizes: the shipped calendars/ and fifty years
# of data (the shipped 2019-2021 plus `kalendarium plan` for 2022-2068). Two cases
# each: the full all.ics (no compression on either side) and the 304 path
# (If-None-Match with each server's own ETag). Beside them, two ceilings serving the
# same bytes (bench/ceiling): plain SwiftNIO answering from one shared buffer in a
# channel handler, and a bare Hummingbird route, the least each can do per request.
# Bounded: each case runs DURATION seconds (default 10), ROUNDS times (default 3);
# the table shows medians. Needs nginx and wrk (Debian), installed if missing.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-10}
ROUNDS=${ROUNDS:-3}
CONNECTIONS=${CONNECTIONS:-32}
scripts/install-deps >/dev/null
for tool in nginx wrk; do
    command -v "$tool" >/dev/null || { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light wrk >/dev/null; break; }
done
swift build -c release --product kalendarium >/dev/null
bin="$(swift build -c release --show-bin-path)/kalendarium"
swift build -c release --package-path bench/ceiling >/dev/null
ceiling="$(swift build -c release --package-path bench/ceiling --show-bin-path)"
work=$(mktemp -d)
chmod 755 "$work"  # nginx's workers run as another user
stop_servers() {
    [[ -n "${kal_pid:-}" ]] && { kill "$kal_pid" 2>/dev/null || true; wait "$kal_pid" 2>/dev/null || true; }
    [[ -f "$work/nginx.pid" ]] && { kill "$(cat "$work/nginx.pid")" 2>/dev/null || true; rm -f "$work/nginx.pid"; }
    for pid in ${ceiling_pids:-}; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
    kal_pid="" ceiling_pids=""
}
trap 'stop_servers; rm -rf "$work"' EXIT

cp -r calendars "$work/shipped"
cp -r calendars "$work/fifty"
for year in $(seq 2022 2068); do
    "$bin" plan "$year" --calendars "$work/fifty" --out "$work/fifty/$year.yaml" 2>/dev/null
done

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
etag_of() { curl -sI "$1" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}'; }

echo "wrk -t2 -c$CONNECTIONS, ${DURATION}s x $ROUNDS rounds, medians; $(nproc) cores"
printf '| %-14s | %-22s | %-11s | %12s | %8s | %13s | %13s |\n' data case server "requests/s" "p99 ms" "rate vs nginx" "p99 vs nginx"
printf '|%s|%s|%s|%s|%s|%s|%s|\n' "----------------" "------------------------" "-------------" "--------------" "----------" "---------------" "---------------"
for data in shipped fifty; do
    state="$work/state-$data" feeds="$work/feeds-$data"
    "$bin" export --calendars "$work/$data" --out "$feeds/calendars" --state "$state" --page-url http://127.0.0.1:18080/ >/dev/null
    "$bin" serve --calendars "$work/$data" --port 18080 --state "$state" --log-level warning >"$work/kal.out" 2>"$work/kal.err" &
    kal_pid=$!
    cat >"$work/nginx.conf" <<NGINX
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx.err;
events { worker_connections 1024; }
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    open_file_cache max=16;
    types { text/calendar ics; }
    server {
        listen 127.0.0.1:18081;
        root $feeds;
        etag on;
    }
}
NGINX
    nginx -c "$work/nginx.conf"
    for _ in $(seq 1 100); do curl -fs -o /dev/null http://127.0.0.1:18081/calendars/all.ics && break; sleep 0.1; done
    for _ in $(seq 1 100); do curl -fs -o /dev/null http://127.0.0.1:18080/healthz && break; sleep 0.1; done
    cmp -s <(curl -s http://127.0.0.1:18080/calendars/all.ics) <(curl -s http://127.0.0.1:18081/calendars/all.ics) ||
        { echo "the two servers do not serve the same all.ics for $data" >&2; exit 1; }
    kal_etag=$(etag_of http://127.0.0.1:18080/calendars/all.ics)
    ngx_etag=$(etag_of http://127.0.0.1:18081/calendars/all.ics)
    "$ceiling/nio-ceiling" "$feeds/calendars/all.ics" 18082 "$kal_etag" &
    ceiling_pids="$!"
    "$ceiling/hummingbird-ceiling" "$feeds/calendars/all.ics" 18083 "$kal_etag" >/dev/null 2>&1 &
    ceiling_pids="$ceiling_pids $!"
    for port in 18082 18083; do
        for _ in $(seq 1 100); do curl -fs -o /dev/null "http://127.0.0.1:$port/calendars/all.ics" && break; sleep 0.1; done
        cmp -s <(curl -s http://127.0.0.1:18081/calendars/all.ics) <(curl -s "http://127.0.0.1:$port/calendars/all.ics") ||
            { echo "the ceiling on port $port does not serve the same all.ics" >&2; exit 1; }
    done
    size=$(stat -c %s "$feeds/calendars/all.ics")
    label="$data $((size / 1024)) KiB"
    [[ $data == fifty ]] && label="50 y $((size / 1024)) KiB"
    declare -A rps=() p99=()
    for case in full 304; do
        for server in kalendarium nginx swift-nio hummingbird; do
            port=18080; etag=$kal_etag
            case $server in
                nginx) port=18081; etag=$ngx_etag ;;
                swift-nio) port=18082 ;;
                hummingbird) port=18083 ;;
            esac
            header=""; [[ $case == 304 ]] && header="If-None-Match: $etag"
            results=()
            for _ in $(seq 1 "$ROUNDS"); do results+=("$(measure "http://127.0.0.1:$port/calendars/all.ics" "$header")"); done
            rps[$case,$server]=$(printf '%s\n' "${results[@]}" | awk '{print $1}' | median)
            p99[$case,$server]=$(printf '%s\n' "${results[@]}" | awk '{print $2}' | median)
        done
        for server in kalendarium nginx swift-nio hummingbird; do
            ratio=$(awk -v a="${rps[$case,$server]}" -v b="${rps[$case,nginx]}" 'BEGIN { printf "%.2f", a / b }')
            latency=$(awk -v a="${p99[$case,$server]}" -v b="${p99[$case,nginx]}" 'BEGIN { printf "%.2f", a / b }')
            what="full feed (200)"; [[ $case == 304 ]] && what="If-None-Match (304)"
            printf '| %-14s | %-22s | %-11s | %12s | %8s | %13s | %13s |\n' "$label" "$what" "$server" "${rps[$case,$server]}" "${p99[$case,$server]}" "$ratio" "$latency"
        done
    done
    stop_servers
done
