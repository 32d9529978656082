"""Black-box tests: they run the built `kalendarium` binary as a user would."""

import datetime as dt
import json
import os
import shutil
import subprocess
import time
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

ROOT = Path(__file__).resolve().parents[2]
STOCKHOLM = ZoneInfo("Europe/Stockholm")


@pytest.fixture(scope="session")
def kalendarium_bin() -> str:
    path = os.environ.get("KALENDARIUM_BIN") or str(ROOT / ".build/debug/kalendarium")
    if not os.access(path, os.X_OK):
        pytest.fail(f"no kalendarium binary at {path}; run `swift build` first")
    return path


@pytest.fixture
def run(kalendarium_bin):
    """Runs the binary from the repository root with a 60 s limit."""

    def _run(*args: str, cwd: Path = ROOT, env: dict | None = None) -> subprocess.CompletedProcess:
        return subprocess.run(
            [kalendarium_bin, *args], cwd=cwd, capture_output=True, text=True, timeout=60,
            env={**os.environ, **(env or {})},
        )

    return _run


@pytest.fixture
def calendars_copy(tmp_path) -> Path:
    """A writable copy of the shipped calendars/."""
    target = tmp_path / "calendars"
    shutil.copytree(ROOT / "calendars", target)
    return target


def with_recipients(calendars: Path, entries: str) -> Path:
    """`calendars` with `entries` (recipients.yaml list items, two-space indented) appended."""
    with open(calendars / "recipients.yaml", "a") as f:
        f.write(entries)
    return calendars


@pytest.fixture
def smtp():
    """A real SMTP server (aiosmtpd) on loopback that keeps what it receives."""
    from smtp_sink import Server

    server = Server().start()
    yield server
    server.stop()


def wait_until_listening(proc: subprocess.Popen, why=lambda proc: proc.stderr.read(), limit=60) -> str:
    """Reads `serve`'s standard output until "listening on URL"; returns the base URL."""
    deadline = time.monotonic() + limit
    line = ""
    while time.monotonic() < deadline and not line.startswith("listening on"):
        line = proc.stdout.readline()
        if not line and proc.poll() is not None:
            raise RuntimeError(why(proc))
    return f"http://127.0.0.1:{int(line.strip().rstrip('/').rsplit(':', 1)[1])}"


def http_get(url: str, headers: dict | None = None):
    """GET with a 10 s limit: (status, headers, body), error statuses included."""
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def write_people(calendars: Path, n: int, due: dt.date, items: Path):
    """n people, each owning one item due on `due`: one reminder e-mail each."""
    with open(calendars / "recipients.yaml", "w") as f:
        f.write("recipients:\n")
        for i in range(n):
            f.write(f"  - {{name: Person {i}, email: p{i}@example.org, receives: [items]}}\n")
    with open(items, "w") as f:
        f.write("items:\n")
        for i in range(n):
            f.write(f"  - {{title: Ärende {i}, body: ledningsgruppen, owners: ['person:Person {i}'], due: {due}}}\n")


def latest_pass():
    """The latest past working-day pass (08:00 Stockholm); holidays are skipped by trying again."""
    now = dt.datetime.now(STOCKHOLM)
    for back in range(0, 12):
        day = (now - dt.timedelta(days=back)).date()
        moment = dt.datetime.combine(day, dt.time(8, 0), tzinfo=STOCKHOLM)
        if day.weekday() < 5 and moment <= now:
            yield moment


def outbox_status(run, *where: str) -> dict:
    """`kalendarium remind --status --format json` for the store named by `where`."""
    result = run("remind", "--status", "--format", "json", *where)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def assert_at_least_once(message_ids: list, expected: int, status: dict, kills: int):
    """What the outbox guarantees across kills: every message arrived; a message that
    arrived twice is one the outbox flagged uncertain, at most one per kill, and its
    copies carry the same Message-ID (they are counted by it). Returns the duplicates."""
    counts = Counter(message_ids)
    assert len(counts) == expected, f"{expected - len(counts)} messages lost"
    duplicates = {mid.strip("<>") for mid, n in counts.items() if n > 1}
    assert all(n <= 2 for n in counts.values()), counts.most_common(3)
    uncertain = {m["message_id"] for m in status["messages"] if m["uncertain"]}
    assert duplicates <= uncertain, f"sent twice without being flagged uncertain: {sorted(duplicates - uncertain)}"
    assert len(duplicates) <= kills, f"{len(duplicates)} duplicates after {kills} kills"
    assert status["counts"]["sent"] == expected and status["counts"]["pending"] == 0
    assert status["counts"]["sending"] == 0 and status["counts"]["failed"] == 0
    return duplicates


def assert_invitation(message, email: str):
    """The kallelse's invitation (issue 17, iTIP): `text/calendar; method=REQUEST` as the
    body's last alternative, the same bytes attached as application/ics, a calendar
    Python's icalendar reads with METHOD:REQUEST and the recipient as the one ATTENDEE
    asked to answer. Returns its VEVENT."""
    import icalendar

    calendars = [p for p in message.walk() if p.get_content_type() == "text/calendar"]
    assert len(calendars) == 1, [p.get_content_type() for p in message.walk()]
    part = calendars[0]
    assert part.get_param("method") == "REQUEST" and part.get_content_charset() == "utf-8"
    alternative = next(p for p in message.walk() if p.get_content_type() == "multipart/alternative")
    # get_payload, not iter_parts: a message read from a maildir has the compat32 policy.
    assert [p.get_content_type() for p in alternative.get_payload()] == ["text/plain", "text/html", "text/calendar"]
    data = part.get_payload(decode=True)
    files = [p for p in message.walk() if p.get_content_type() == "application/ics"]
    assert len(files) == 1 and files[0].get_payload(decode=True) == data
    assert files[0].get_filename().endswith(".ics")
    calendar = icalendar.Calendar.from_ical(data)
    assert str(calendar["METHOD"]) == "REQUEST"
    event = calendar.walk("VEVENT")[0]
    attendee = event["ATTENDEE"]
    assert not isinstance(attendee, list), "one ATTENDEE: the recipient"
    assert str(attendee).lower() == f"mailto:{email.lower()}"
    assert attendee.params["PARTSTAT"] == "NEEDS-ACTION" and attendee.params["RSVP"] == "TRUE"
    assert attendee.params["ROLE"] == "REQ-PARTICIPANT" and attendee.params["CN"]
    assert str(event["ORGANIZER"]).startswith("mailto:")
    return event
