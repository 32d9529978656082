"""Times export, a reminder pass, the `/` page and the daemon's RSS at several scales of
the shipped data, so a cost that grows faster than the data shows in the last columns."""

import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

binary, scales, rounds = sys.argv[1], [int(s) for s in sys.argv[2].split()], int(sys.argv[3])
root = Path(__file__).resolve().parents[1]
SHIPPED_YEARS = 3  # 2019–2021
RECIPIENTS, ITEMS = 6, 50  # per 1x: the shipped recipients.yaml's six, and fifty items


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def median_time(args, n=rounds):
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        result = subprocess.run(args, capture_output=True, text=True)
        times.append(time.perf_counter() - t0)
        assert result.returncode == 0, (args, result.stderr[-2000:])
    return statistics.median(times)


def scale(k):
    work = Path(tempfile.mkdtemp())
    calendars, state = work / "calendars", work / "state"
    shutil.copytree(root / "calendars", calendars)
    # The feeds reach at most 100 years ahead (`horizon`), so the years stop at 108
    # (2019–2126, all in the feeds as of 2026) and the per-year columns use the years
    # there are; recipients and items grow the full k times.
    years = min(SHIPPED_YEARS * k, 108)
    for year in range(2022, 2019 + years):
        subprocess.run([binary, "plan", str(year), "--calendars", str(calendars),
                        "--out", str(calendars / f"{year}.yaml")], check=True, capture_output=True)
    people = RECIPIENTS * k
    with open(calendars / "recipients.yaml", "w") as f:
        f.write("recipients:\n")
        for i in range(people):
            f.write(f"  - {{name: Person {i}, email: p{i}@example.org, receives: [items]}}\n")
    with open(work / "items.yaml", "w") as f:
        f.write("items:\n")
        for i in range(ITEMS * k):
            f.write(f"  - {{title: Ärende {i}, body: ledningsgruppen, owners: ['person:Person {i % people}'], "
                    f"due: 2026-12-07}}\n")
    store = ["--calendars", str(calendars), "--state", str(state)]
    subprocess.run([binary, "items", "import", str(work / "items.yaml"), *store], check=True, capture_output=True)
    export = median_time([binary, "export", *store, "--out", str(work / "out"), "--horizon", str(min(years, 100)),
                          "--now", "2026-11-23T08:00:00Z"])
    remind = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        subprocess.run([binary, "remind", "--queue-only", *store, "--mail-from", "K <kansli@example.org>",
                        "--now", "2026-11-30T08:00:00+01:00", "--mail", f"maildir:{work / 'maildir'}"],
                       check=True, capture_output=True)
        remind.append(time.perf_counter() - t0)
        with sqlite3.connect(state / "kalendarium.sqlite") as db:
            db.execute("DELETE FROM reminder_log")
            db.execute("DELETE FROM outbox")
    port = free_port()
    daemon = subprocess.Popen([binary, "serve", *store, "--port", str(port), "--horizon", str(min(years, 100))],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2).read()
                break
            except OSError:
                time.sleep(0.05)
        page = []
        for _ in range(max(rounds, 10)):
            t0 = time.perf_counter()
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=30).read()
            page.append(time.perf_counter() - t0)
        with open(f"/proc/{daemon.pid}/status") as f:
            rss = int(next(line for line in f if line.startswith("VmRSS")).split()[1]) / 1024
    finally:
        daemon.terminate()
        daemon.wait()
        shutil.rmtree(work)
    return k, years, people, ITEMS * k, export, statistics.median(remind), statistics.median(page), rss


rows = [scale(k) for k in scales]
print(f"growth with the data; medians of {rounds} rounds (the page: of at least 10 requests); 2 cores")
print("| scale | years | recipients | items | export ms | remind ms | / page ms | RSS MiB "
      "| export ms/year | remind ms/item | page ms/year |")
print("|-------|-------|------------|-------|-----------|-----------|-----------|---------"
      "|----------------|----------------|--------------|")
for k, years, people, items, export, remind, page, rss in rows:
    print(f"| {k:>4}x | {years:5} | {people:10} | {items:5} | {export * 1000:9.1f} | {remind * 1000:9.1f} "
          f"| {page * 1000:9.2f} | {rss:7.1f} | {export * 1000 / years:14.2f} | {remind * 1000 / items:14.3f} "
          f"| {page * 1000 / years:12.3f} |")
