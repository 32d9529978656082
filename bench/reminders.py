"""Times the dispatch of N queued reminders by kalendarium, on SQLite and on PostgreSQL,
and by a Python smtplib peer sending the same messages, all to one SMTP sink."""

import re
import os
import shutil
import smtplib
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "Tests" / "blackbox"))
from smtp_sink import Server, free_port  # noqa: E402

binary, n = sys.argv[1], int(sys.argv[2])
postgres = sys.argv[3] if len(sys.argv) > 3 else None  # a server URL; a database is made for the run
root = Path(__file__).resolve().parents[1]
work = Path(tempfile.mkdtemp())
FROM = "Södertörnskommunernas kansli <kansli@example.org>"
calendars = work / "calendars"
shutil.copytree(root / "calendars", calendars)

# N people, each owning one item due in 7 days from the pass: one reminder e-mail each.
with open(calendars / "recipients.yaml", "w") as f:
    f.write("recipients:\n")
    for i in range(n):
        f.write(f"  - {{name: Person {i}, email: p{i}@example.org, receives: [items]}}\n")
with open(work / "items.yaml", "w") as f:
    f.write("items:\n")
    for i in range(n):
        f.write(f"  - {{title: Ärende {i}, body: ledningsgruppen, owners: ['person:Person {i}'], due: 2026-12-07}}\n")


ROUNDS = int(os.environ.get("ROUNDS", "3"))


def case(label, state, database):
    """Imports, then decides and queues (`--queue-only`, ROUNDS times on a fresh copy of
    the imported store, median), then dispatches the last queue to the sink."""
    store = ["--state", str(state)] + (["--database", database] if database else [])
    subprocess.run([binary, "items", "import", str(work / "items.yaml"), "--calendars", str(calendars), *store],
                   check=True, capture_output=True)
    common = [binary, "remind", "--calendars", str(calendars), *store, "--mail-from", FROM]
    down = free_port()
    plans = []
    for round in range(ROUNDS):
        if round:
            forget_queue(state, database)
        t0 = time.perf_counter()
        subprocess.run([*common, "--queue-only", "--now", "2026-11-30T08:00:00+01:00",
                        "--mail", f"smtp://127.0.0.1:{down}?starttls=never&timeout=5"], check=True, capture_output=True)
        plans.append(time.perf_counter() - t0)
    plan = statistics.median(plans)
    server = Server().start()
    try:
        t0 = time.perf_counter()
        result = subprocess.run(["/usr/bin/time", "-v", *common, "--now", "2026-11-30T08:05:00+01:00",
                                 "--mail", f"smtp://127.0.0.1:{server.port}?starttls=never"],
                                capture_output=True, text=True)
        dispatch = time.perf_counter() - t0
        sent = sum(1 for line in result.stdout.splitlines() if line.startswith("sent:"))
        rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr).group(1))
        assert sent == n and len(server.sink.messages) == n, (sent, len(server.sink.messages), result.stdout[-500:])
    finally:
        server.stop()
    return label, plan, dispatch, rss


def forget_queue(state, database):
    """Empties the outbox and its log, so the next round decides and queues it all again."""
    statements = ["DELETE FROM reminder_log", "DELETE FROM outbox"]
    if database:
        for sql in statements:
            subprocess.run(["psql", database, "-qc", sql], check=True, capture_output=True)
    else:
        with sqlite3.connect(state / "kalendarium.sqlite") as db:
            for sql in statements:
                db.execute(sql)


rows = [case("SQLite", work / "state-sqlite", None)]
if postgres:
    name = f"kalendarium_bench_{int(time.time())}"
    subprocess.run(["psql", postgres, "-qc", f"CREATE DATABASE {name}"], check=True, capture_output=True)
    base, _, query = postgres.partition("?")
    rows.append(case("PostgreSQL", work / "state-pg", base.rsplit("/", 1)[0] + "/" + name + ("?" + query if query else "")))
    subprocess.run(["psql", postgres, "-qc", f"DROP DATABASE {name}"], capture_output=True)

# The peer sends the very messages kalendarium rendered (from the SQLite outbox).
messages = sqlite3.connect(work / "state-sqlite" / "kalendarium.sqlite").execute(
    "SELECT recipient, message FROM outbox").fetchall()
server = Server().start()
try:
    t0 = time.perf_counter()
    with smtplib.SMTP("127.0.0.1", server.port) as smtp:
        for recipient, message in messages:
            smtp.sendmail("kansli@example.org", [recipient], message.encode())
    theirs = time.perf_counter() - t0
    assert len(server.sink.messages) == n
finally:
    server.stop()
    shutil.rmtree(work)

print(f"{n} reminders, one recipient each; queueing: median of {ROUNDS} rounds; SMTP sink: aiosmtpd on loopback")
print(f"| {'what':66} | seconds | messages/s | vs peer | peak RSS MiB |")
print(f"|{'-' * 68}|---------|------------|---------|--------------|")
for label, plan, dispatch, rss in rows:
    what = f"kalendarium remind --queue-only on {label}: decide and queue"
    print(f"| {what:66} | {plan:7.2f} | {n / plan:10.0f} | {'':7} | {'':12} |")
    what = f"kalendarium remind on {label}: dispatch the queue"
    print(f"| {what:66} | {dispatch:7.2f} | {n / dispatch:10.0f} | {theirs / dispatch:7.2f} | {rss / 1024:12.1f} |")
what = "peer: Python smtplib, same messages, one connection"
print(f"| {what:66} | {theirs:7.2f} | {n / theirs:10.0f} | {1:7.2f} | {'':12} |")
