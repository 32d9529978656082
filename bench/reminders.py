"""Times deciding and queueing N reminders, and dispatching them, by kalendarium on
SQLite and on PostgreSQL, against Python smtplib sending the same messages, to two
SMTP sinks on loopback: aiosmtpd (Python, parses every message) and Postfix's
smtp-sink (C, the ceiling of neither side)."""

import os
import re
import shutil
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
ROUNDS = int(os.environ.get("ROUNDS", "3"))
CONNECTIONS = [int(c) for c in os.environ.get("CONNECTIONS", "1 4").split()]
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


class Aiosmtpd:
    name = "aiosmtpd"

    def __enter__(self):
        self.server = Server().start()
        self.port = self.server.port
        return self

    def count(self):
        return len(self.server.sink.messages)

    def __exit__(self, *_):
        self.server.stop()


class SMTPSink:
    """Postfix's smtp-sink: accepts and discards, counting what it got (-c)."""
    name = "smtp-sink"

    def __enter__(self):
        self.port = free_port()
        self.out = tempfile.NamedTemporaryFile(dir=work, delete=False)
        user = ["-u", "nobody"] if os.geteuid() == 0 else []
        self.process = subprocess.Popen(["/usr/sbin/smtp-sink", "-c", *user, f"127.0.0.1:{self.port}", "256"],
                                        stdout=self.out, stderr=subprocess.STDOUT)
        for _ in range(100):
            try:
                with __import__("socket").create_connection(("127.0.0.1", self.port), timeout=1):
                    break
            except OSError:
                time.sleep(0.05)
        return self

    def count(self):
        time.sleep(0.2)  # its counter is printed as it goes
        counts = re.findall(rb"mesg=(\d+)", Path(self.out.name).read_bytes())
        return int(counts[-1]) if counts else 0

    def __exit__(self, *_):
        self.process.terminate()
        self.process.wait()


SINKS = [Aiosmtpd, SMTPSink]


def queue(common, down):
    subprocess.run([*common, "--queue-only", "--now", "2026-11-30T08:00:00+01:00",
                    "--mail", f"smtp://127.0.0.1:{down}?starttls=never&timeout=5"], check=True, capture_output=True)


def case(label, state, database):
    """Imports; decides and queues (`--queue-only`, ROUNDS times on a fresh copy of the
    imported store, median); then, for each sink and number of connections, queues
    again and times `--send-only` draining the queue to the sink."""
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
        queue(common, down)
        plans.append(time.perf_counter() - t0)
    rows = [(f"kalendarium remind --queue-only on {label}: decide and queue", "", statistics.median(plans), None)]
    first = True
    for sink in SINKS:
        for connections in CONNECTIONS if sink is SMTPSink else [1]:
            if not first:
                forget_queue(state, database)
                queue(common, down)
            first = False
            with sink() as server:
                t0 = time.perf_counter()
                result = subprocess.run(
                    ["/usr/bin/time", "-v", *common, "--send-only", "--now", "2026-11-30T08:05:00+01:00",
                     "--mail", f"smtp://127.0.0.1:{server.port}?starttls=never&connections={connections}"],
                    capture_output=True, text=True)
                seconds = time.perf_counter() - t0
                sent = sum(1 for line in result.stdout.splitlines() if line.startswith("sent:"))
                rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr).group(1))
                got = server.count()
                assert sent == n and got == n, (sent, got, result.stdout[-500:], result.stderr[-500:])
            what = f"kalendarium remind --send-only on {label}, {connections} connection(s)"
            rows.append((what, sink.name, seconds, rss))
    return rows


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


rows = case("SQLite", work / "state-sqlite", None)
if postgres:
    name = f"kalendarium_bench_{int(time.time())}"
    subprocess.run(["psql", postgres, "-qc", f"CREATE DATABASE {name}"], check=True, capture_output=True)
    base, _, query = postgres.partition("?")
    rows += case("PostgreSQL", work / "state-pg", base.rsplit("/", 1)[0] + "/" + name + ("?" + query if query else ""))
    subprocess.run(["psql", postgres, "-qc", f"DROP DATABASE {name}"], capture_output=True)

# The peer sends the very messages kalendarium rendered (from the SQLite outbox), as a
# process of its own, over one connection.
peers = {}
for sink in SINKS:
    with sink() as server:
        t0 = time.perf_counter()
        subprocess.run([sys.executable, str(root / "bench" / "smtplib_peer.py"),
                        str(work / "state-sqlite" / "kalendarium.sqlite"), str(server.port)],
                       check=True, capture_output=True)
        peers[sink.name] = time.perf_counter() - t0
        assert server.count() == n
shutil.rmtree(work)

print(f"{n} reminders, one recipient each; queueing: median of {ROUNDS} rounds; sinks on loopback")
print(f"| {'what':62} | sink      | seconds | messages/s | vs peer | peak RSS MiB |")
print(f"|{'-' * 64}|-----------|---------|------------|---------|--------------|")
for what, sink, seconds, rss in rows:
    ratio = f"{peers[sink] / seconds:7.2f}" if sink else ""
    memory = f"{rss / 1024:12.1f}" if rss else ""
    print(f"| {what:62} | {sink:9} | {seconds:7.2f} | {n / seconds:10.0f} | {ratio:>7} | {memory:>12} |")
for sink, seconds in peers.items():
    what = "peer: Python smtplib, same messages, one connection"
    print(f"| {what:62} | {sink:9} | {seconds:7.2f} | {n / seconds:10.0f} | {1:7.2f} | {'':12} |")
