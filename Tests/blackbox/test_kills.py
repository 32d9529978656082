"""SIGKILL in the middle of `export` and of `items add` leaves files and the store old or
new, never torn (issue 12, point 6). The kills are spread over the length of a run, so
some land while files or rows are being written; what is asserted holds wherever a kill
lands."""

import json
import sqlite3
import subprocess
import time
from pathlib import Path

import icalendar

from conftest import ROOT

ROUNDS = 12
URLS = ["https://a.example.org/", "https://b.example.org/"]


def kill_after(command: list, delay: float) -> int:
    proc = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        proc.wait(timeout=delay)
    except subprocess.TimeoutExpired:
        proc.kill()
    return proc.wait(timeout=60)


def duration(command: list) -> float:
    started = time.monotonic()
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True, timeout=120)
    return time.monotonic() - started


def test_a_killed_export_leaves_every_feed_whole(kalendarium_bin, tmp_path):
    out, state = tmp_path / "out", tmp_path / "state"

    def export(url):
        return [kalendarium_bin, "export", "--out", str(out), "--state", str(state), "--page-url", url]

    duration(export(URLS[0]))
    length = min(duration(export(URLS[1])), duration(export(URLS[0])))
    names = sorted(p.relative_to(out) for p in out.rglob("*.ics"))
    assert names
    killed = 0
    for i in range(ROUNDS):
        # Each round writes the other page URL, so every feed's bytes change.
        if kill_after(export(URLS[(i + 1) % 2]), length * (i + 0.5) / ROUNDS) < 0:
            killed += 1
        for name in names:
            text = (out / name).read_text()
            calendar = icalendar.Calendar.from_ical(text)  # whole: it parses to the end
            assert text.rstrip().endswith("END:VCALENDAR"), name
            # The page part of each event's URL (the fragment is the event's row).
            urls = {str(e.get("URL")).split("#")[0] for e in calendar.walk("VEVENT") if e.get("URL")}
            assert len(urls) <= 1, f"{name} mixes two runs: {urls}"
        json.loads((state / "feed-revisions.json").read_text())
        assert sorted(p.relative_to(out) for p in out.rglob("*.ics")) == names
    print(f"killed {killed} runs")
    assert killed >= 1, "no run was killed before it ended"
    # And a run after all that gives the same bytes as a clean one would.
    subprocess.run(export(URLS[0]), cwd=ROOT, check=True, capture_output=True, timeout=120)
    first = {n: (out / n).read_bytes() for n in names}
    subprocess.run(export(URLS[0]), cwd=ROOT, check=True, capture_output=True, timeout=120)
    assert first == {n: (out / n).read_bytes() for n in names}


def test_a_killed_items_add_adds_the_item_or_nothing(kalendarium_bin, tmp_path):
    state = tmp_path / "state"

    def add(i):
        return [kalendarium_bin, "items", "add", "--state", str(state), "--title", f"Ärende {i} " + "x" * 200,
                "--body", "samarbetskommitten", "--owner", "municipality:huddinge", "--owner", "person:Eva",
                "--description", f"Beskrivning {i}", "--due", "2027-03-01"]

    length = duration(add("först"))
    length = min(length, duration(add("andra")))
    killed = 0
    for i in range(ROUNDS * 2):
        if kill_after(add(i), length * (i + 0.5) / (ROUNDS * 2)) < 0:
            killed += 1
    result = subprocess.run([kalendarium_bin, "items", "list", "--state", str(state), "--format", "json"], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    items = json.loads(result.stdout)
    for item in items:
        number = item["title"].split()[1]
        assert item["title"] == f"Ärende {number} " + "x" * 200
        assert item["description"] == f"Beskrivning {number}"
        assert item["owners"] == ["municipality:huddinge", "person:Eva"]
        assert item["due"] == "2027-03-01"
    added = {item["title"].split()[1] for item in items}
    assert {"först", "andra"} <= added and len(added) == len(items), "an item was stored twice"
    assert len(items) >= ROUNDS * 2 - killed + 2
    print(f"killed {killed} runs")
    assert killed >= 1, "no run was killed before it ended"
    with sqlite3.connect(state / "kalendarium.sqlite") as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
