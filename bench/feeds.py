"""Times `kalendarium export` and a Python icalendar peer on the same fifty years of feeds."""

import statistics
import subprocess
import sys
import time
from pathlib import Path

import icalendar

binary, work, runs = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
calendars, out, state = work / "calendars", work / "out", work / "state"
args = [binary, "export", "--calendars", str(calendars), "--out", str(out), "--state", str(state),
        "--horizon", "50", "--now", "2026-11-23T08:00:00Z"]
subprocess.run(args, check=True, capture_output=True)  # first run records the revisions

feeds = sorted(out.rglob("*.ics"))
events = sum(f.read_bytes().count(b"BEGIN:VEVENT") for f in feeds)
years = len(list(calendars.glob("[0-9][0-9][0-9][0-9].yaml")))

ours = []
for _ in range(runs):
    start = time.perf_counter()
    subprocess.run(args, check=True, capture_output=True)
    ours.append(time.perf_counter() - start)

# Loading and validation on their own line: `check` reads and checks the same files and
# builds no feed.
checks = []
for _ in range(runs):
    start = time.perf_counter()
    subprocess.run([binary, "check", "--calendars", str(calendars), "--state", str(state)], check=True,
                   capture_output=True)
    checks.append(time.perf_counter() - start)

# The peer gets the same events as plain data, prepared outside the timing.
parsed = [icalendar.Calendar.from_ical(f.read_bytes()) for f in feeds]
inputs = [
    ([(k, v) for k, v in cal.items()], [c for c in cal.subcomponents if c.name == "VTIMEZONE"],
     [[(k, e[k]) for k in e.keys()] for e in cal.walk("VEVENT")])
    for cal in parsed
]


def peer():
    total = 0
    for props, zones, evs in inputs:
        cal = icalendar.Calendar()
        for k, v in props:
            cal.add(k, v)
        for z in zones:
            cal.add_component(z)
        for ev in evs:
            e = icalendar.Event()
            for k, v in ev:
                e.add(k, v)
            cal.add_component(e)
        total += len(cal.to_ical())
    return total


theirs = []
for _ in range(runs):
    start = time.perf_counter()
    peer()
    theirs.append(time.perf_counter() - start)

m_ours, m_theirs = statistics.median(ours) * 1000, statistics.median(theirs) * 1000
print(f"feeds: {len(feeds)}, years of data: {years}, events over all feeds: {events}, runs: {runs}")
print(f"| {'what':58} | median ms | min ms | ratio to peer |")
print(f"|{'-' * 60}|-----------|--------|---------------|")
print(f"| {'kalendarium export (process: load, validate, build, write)':58} | {m_ours:9.1f} | {min(ours) * 1000:6.1f} | {m_ours / m_theirs:13.2f} |")
m_check = statistics.median(checks) * 1000
print(f"| {'of which: kalendarium check (process: load, validate)':58} | {m_check:9.1f} | {min(checks) * 1000:6.1f} | {'':13} |")
print(f"| {'peer: Python icalendar builds + serialises the same feeds':58} | {m_theirs:9.1f} | {min(theirs) * 1000:6.1f} | {1:13.2f} |")
