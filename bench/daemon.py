"""The daemon itself, with fifty years of data: cold start to the first 200 on
/calendars/all.ics and the idle RSS, against nginx starting on the same exported file;
then the RSS after the first feed request, after REQUESTS more (wrk) and after RELOADS
reloads (SIGHUP, each waited for on /metrics)."""

import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

binary = sys.argv[1]
ROUNDS = int(os.environ.get("ROUNDS", "5"))
REQUESTS = int(os.environ.get("REQUESTS", "100000"))
RELOADS = int(os.environ.get("RELOADS", "1000"))
root = Path(__file__).resolve().parents[1]
work = Path(tempfile.mkdtemp())
os.chmod(work, 0o755)  # nginx's workers run as another user
calendars = work / "calendars"
shutil.copytree(root / "calendars", calendars)
for year in range(2022, 2069):
    subprocess.run([binary, "plan", str(year), "--calendars", str(calendars), "--out", str(calendars / f"{year}.yaml")],
                   check=True, capture_output=True)
PORT, NGINX_PORT = 18180, 18181
state = work / "state"
subprocess.run([binary, "export", "--calendars", str(calendars), "--out", str(work / "feeds" / "calendars"),
                "--state", str(state), "--page-url", f"http://127.0.0.1:{PORT}/"], check=True, capture_output=True)


def rss_kib(*pids, field="VmRSS"):
    """VmRSS, or RssAnon (heap and stacks) or RssFile (mapped code and data) from /proc."""
    total = 0
    for pid in pids:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                total += int(line.split()[1])
    return total


def first_200(port, limit=30.0):
    """Polls until the feed answers 200; bounded by `limit` seconds."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as s:
                s.sendall(b"GET /calendars/all.ics HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")
                if s.recv(12).startswith(b"HTTP/1.1 200"):
                    return
        except OSError:
            time.sleep(0.001)
    raise SystemExit(f"nothing answered 200 on port {port} within {limit} s")


def serve():
    return subprocess.Popen([binary, "serve", "--calendars", str(calendars), "--state", str(state), "--port", str(PORT),
                             "--mail", f"maildir:{work / 'mail'}", "--log-level", "warning"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def stop(process):
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=30)


NGINX_CONF = work / "nginx.conf"
NGINX_CONF.write_text(f"""worker_processes 1; daemon off; pid {work}/nginx.pid; error_log {work}/nginx.err;
events {{ worker_connections 1024; }}
http {{ access_log off; types {{ text/calendar ics; }}
    server {{ listen 127.0.0.1:{NGINX_PORT}; root {work}/feeds; etag on; }} }}
""")

starts, idle, peer_starts, peer_idle = [], [], [], []
idle_anon, peer_anon = [], []
for _ in range(ROUNDS):
    t0 = time.perf_counter()
    process = serve()
    first_200(PORT)
    starts.append(time.perf_counter() - t0)
    time.sleep(2)
    idle.append(rss_kib(process.pid))
    idle_anon.append(rss_kib(process.pid, field="RssAnon"))
    stop(process)

    t0 = time.perf_counter()
    nginx = subprocess.Popen(["nginx", "-c", str(NGINX_CONF)], stderr=subprocess.DEVNULL)
    first_200(NGINX_PORT)
    peer_starts.append(time.perf_counter() - t0)
    time.sleep(2)
    workers = subprocess.run(["pgrep", "-P", str(nginx.pid)], capture_output=True, text=True).stdout.split()
    peer_idle.append(rss_kib(nginx.pid, *map(int, workers)))
    peer_anon.append(rss_kib(nginx.pid, *map(int, workers), field="RssAnon"))
    stop(nginx)


def builds(port):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as r:
        return sum(float(line.split()[-1]) for line in r.read().decode().splitlines()
                   if line.startswith("kalendarium_feed_builds_total"))


# Growth: the RSS after the first request, after REQUESTS requests and after RELOADS reloads.
process = serve()
first_200(PORT)
after_first = rss_kib(process.pid)
lua = work / "limit.lua"
lua.write_text(f"""local n = 0
function response() n = n + 1; if n >= {REQUESTS // 2} then wrk.thread:stop() end end
""")
t0 = time.perf_counter()
out = subprocess.run(["wrk", "-t2", "-c16", "-d120s", "-s", str(lua), f"http://127.0.0.1:{PORT}/calendars/all.ics"],
                     capture_output=True, text=True, check=True).stdout
served = int(next(line.split()[0] for line in out.splitlines() if "requests in" in line))
after_requests = rss_kib(process.pid)
before = builds(PORT)
t0 = time.perf_counter()
for i in range(RELOADS):  # bounded: each reload waited for at most 10 s
    process.send_signal(signal.SIGHUP)
    deadline = time.monotonic() + 10
    while builds(PORT) < before + i + 1:
        if time.monotonic() > deadline:
            raise SystemExit(f"reload {i + 1} did not finish within 10 s")
        time.sleep(0.005)
reload_seconds = time.perf_counter() - t0
after_reloads = rss_kib(process.pid)
stop(process)
shutil.rmtree(work)

mib = lambda kib: kib / 1024  # noqa: E731
print(f"fifty years of data ({ROUNDS} cold starts, medians); nginx serves the same exported all.ics; 2 cores")
print("| what                                          | kalendarium |   nginx | ratio |")
print("|-----------------------------------------------|-------------|---------|-------|")
s, p = statistics.median(starts) * 1000, statistics.median(peer_starts) * 1000
print(f"| cold start to the first 200 on all.ics, ms    | {s:11.1f} | {p:7.1f} | {s / p:5.1f} |")
s, p = mib(statistics.median(idle)), mib(statistics.median(peer_idle))
print(f"| idle RSS 2 s after the first 200, MiB         | {s:11.1f} | {p:7.1f} | {s / p:5.1f} |")
s, p = mib(statistics.median(idle_anon)), mib(statistics.median(peer_anon))
print(f"| of which anonymous (heap, stacks), MiB        | {s:11.1f} | {p:7.1f} | {s / p:5.1f} |")
print()
rows = [("after the first feed request", after_first),
        (f"after {served:,} more feed requests (wrk)", after_requests),
        (f"after {RELOADS} reloads ({reload_seconds:.0f} s, SIGHUP each)", after_reloads)]
print(f"| {'RSS of one daemon':<45} |     MiB | vs after the first request |")
print(f"|{'-' * 47}|---------|----------------------------|")
for what, kib in rows:
    print(f"| {what:<45} | {mib(kib):7.1f} | {kib / after_first:26.2f} |")
