"""Times the dispatch of N queued reminders by kalendarium and by a Python smtplib peer."""

import re
import shutil
import smtplib
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "Tests" / "blackbox"))
from smtp_sink import Server, free_port  # noqa: E402

binary, n = sys.argv[1], int(sys.argv[2])
root = Path(__file__).resolve().parents[1]
work = Path(tempfile.mkdtemp())
calendars, state = work / "calendars", work / "state"
shutil.copytree(root / "calendars", calendars)
FROM = "Södertörnskommunernas kansli <kansli@example.org>"

# N people, each owning one item due in 7 days from the pass: one reminder e-mail each.
with open(calendars / "recipients.yaml", "w") as f:
    f.write("recipients:\n")
    for i in range(n):
        f.write(f"  - {{name: Person {i}, email: p{i}@example.org, receives: [items]}}\n")
with open(work / "items.yaml", "w") as f:
    f.write("items:\n")
    for i in range(n):
        f.write(f"  - {{title: Ärende {i}, body: ledningsgruppen, owners: ['person:Person {i}'], due: 2026-12-07}}\n")
subprocess.run([binary, "items", "import", str(work / "items.yaml"), "--calendars", str(calendars), "--state", str(state)],
               check=True, capture_output=True)

# Decide and queue with the server down: everything waits in the outbox for a retry.
down = free_port()
common = [binary, "remind", "--calendars", str(calendars), "--state", str(state), "--mail-from", FROM]
t0 = time.perf_counter()
subprocess.run([*common, "--now", "2026-11-30T08:00:00+01:00", "--mail", f"smtp://127.0.0.1:{down}?starttls=never&timeout=5"],
               check=True, capture_output=True)
plan_seconds = time.perf_counter() - t0

server = Server().start()
try:
    t0 = time.perf_counter()
    result = subprocess.run(["/usr/bin/time", "-v", *common, "--now", "2026-11-30T08:05:00+01:00",
                             "--mail", f"smtp://127.0.0.1:{server.port}?starttls=never"],
                            capture_output=True, text=True)
    ours = time.perf_counter() - t0
    sent = sum(1 for line in result.stdout.splitlines() if line.startswith("sent:"))
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr).group(1))
    assert sent == n and len(server.sink.messages) == n, (sent, len(server.sink.messages), result.stdout[-500:])

    rows = sqlite3.connect(state / "kalendarium.sqlite").execute("SELECT recipient, message FROM outbox").fetchall()
    server.sink.messages.clear()
    t0 = time.perf_counter()
    with smtplib.SMTP("127.0.0.1", server.port) as smtp:
        for recipient, message in rows:
            smtp.sendmail("kansli@example.org", [recipient], message.encode())
    theirs = time.perf_counter() - t0
    assert len(server.sink.messages) == n
finally:
    server.stop()
    shutil.rmtree(work)

print(f"{n} reminders, one recipient each; SMTP sink: aiosmtpd on loopback")
print(f"| {'what':52} | seconds | messages/s | peak RSS MiB |")
print(f"|{'-' * 54}|---------|------------|--------------|")
print(f"| {'kalendarium remind: decide and queue (server down)':52} | {plan_seconds:7.2f} | {n / plan_seconds:10.0f} | {'':12} |")
print(f"| {'kalendarium remind: dispatch the queued messages':52} | {ours:7.2f} | {n / ours:10.0f} | {rss / 1024:12.1f} |")
print(f"| {'peer: Python smtplib, same messages, one connection':52} | {theirs:7.2f} | {n / theirs:10.0f} | {'':12} |")
