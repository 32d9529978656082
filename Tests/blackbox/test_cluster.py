"""Several daemons on one PostgreSQL database: feeds in step, one reminder sender, failover.

A real PostgreSQL (Debian's) on loopback: $KALENDARIUM_TEST_POSTGRES when scripts/test
has started one, else one started here with scripts/postgres for this session.
"""

import datetime as dt
import json
import os
import random
import shutil
import signal
import subprocess
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from conftest import (ROOT, assert_at_least_once, http_get, latest_pass, outbox_status, wait_until_listening,
                      write_people)
from smtp_sink import Server, free_port

FROM = "Södertörnskommunernas kansli <kansli@example.org>"
PAGE = "https://kalendarium.example.org/"
STOCKHOLM = ZoneInfo("Europe/Stockholm")


@pytest.fixture(scope="session")
def postgres_url():
    url = os.environ.get("KALENDARIUM_TEST_POSTGRES")
    if url:
        yield url
        return
    folder = tempfile.mkdtemp(prefix="kalendarium-pg-")
    started = subprocess.run([str(ROOT / "scripts/postgres"), "start", folder], capture_output=True, text=True)
    if started.returncode != 0:
        pytest.fail(f"cannot start PostgreSQL: {started.stderr}")
    try:
        yield started.stdout.strip()
    finally:
        subprocess.run([str(ROOT / "scripts/postgres"), "stop", folder], capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def database(postgres_url):
    """A new, empty database for one test."""
    name = "kalendarium_bb_" + uuid.uuid4().hex[:8]
    subprocess.run(["psql", postgres_url, "-qc", f"CREATE DATABASE {name}"], check=True, capture_output=True)
    base, _, query = postgres_url.partition("?")
    return base.rsplit("/", 1)[0] + "/" + name + ("?" + query if query else "")


class Node:
    """One `kalendarium serve` with its own calendars/ copy and state, sharing `database`."""

    def __init__(self, binary, tmp: Path, name: str, database: str, *extra):
        self.name = name
        self.dir = tmp / name
        self.dir.mkdir()
        self.calendars = self.dir / "calendars"
        shutil.copytree(ROOT / "calendars", self.calendars)
        self.log_path = self.dir / "log"
        self.log = open(self.log_path, "w")
        self.proc = subprocess.Popen(
            [binary, "serve", "--port", "0", "--calendars", str(self.calendars), "--state", str(self.dir / "state"),
             "--database", database, "--node", name, "--page-url", PAGE, "--reload-interval", "0.5", *extra],
            stdout=subprocess.PIPE, stderr=self.log, text=True)
        self.base = wait_until_listening(self.proc, lambda _: self.log_path.read_text())

    def get(self, path, headers=None):
        return http_get(self.base + path, headers)

    def health(self):
        return json.loads(self.get("/healthz")[2])

    def stop(self, sig=signal.SIGTERM):
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc.wait()
        self.proc.stdout.close()
        self.log.close()


@pytest.fixture
def nodes():
    started = []
    yield started
    for node in started:
        node.stop(signal.SIGKILL)


def wait_for(predicate, limit, step=0.05):
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return predicate()


def test_feeds_stay_in_step_across_daemons(kalendarium_bin, tmp_path, database, nodes):
    a = Node(kalendarium_bin, tmp_path, "a", database)
    nodes.append(a)
    b = Node(kalendarium_bin, tmp_path, "b", database)
    nodes.append(b)
    assert a.health()["calendar_generation"] == b.health()["calendar_generation"] == 1
    metrics = a.get("/metrics")[2].decode()
    assert "kalendarium_calendar_generation 1" in metrics and "kalendarium_reminder_sender 1" in metrics
    assert "kalendarium_reminder_sender 0" in b.get("/metrics")[2].decode()
    # The same bytes from either node: a load balancer may send a client to both.
    sa, ha, body_a = a.get("/calendars/all.ics")
    sb, hb, body_b = b.get("/calendars/all.ics")
    assert sa == sb == 200 and body_a == body_b and ha["ETag"] == hb["ETag"]

    # An edit on a reaches b within seconds, with the same new ETag.
    bodies = a.calendars / "bodies.yaml"
    bodies.write_text(bodies.read_text().replace("name: Ledningsgruppen\n", "name: Ledningsgruppen Södertörn\n"))
    started = time.monotonic()
    assert wait_for(lambda: b.health()["calendar_generation"] == 2, 10), b.log_path.read_text()
    followed = time.monotonic() - started
    assert followed < 5
    print(f"b served a's edit {followed:.2f} s after the file was written")
    status, headers, body = b.get("/calendars/ledningsgruppen.ics")
    assert status == 200 and "Ledningsgruppen Södertörn".encode() in body.replace(b"\r\n ", b"")
    assert headers["ETag"] == a.get("/calendars/ledningsgruppen.ics")[1]["ETag"]

    # b's own files are older than a's edit: a reload on b keeps serving a's generation.
    b.proc.send_signal(signal.SIGHUP)
    time.sleep(1.5)
    assert b.health()["calendar_generation"] == 2
    assert b.get("/calendars/all.ics")[2] == a.get("/calendars/all.ics")[2]

    # A broken edit on a publishes nothing: both keep serving generation 2.
    bodies.write_text("bodies: [")
    assert wait_for(lambda: a.health()["status"] == "degraded", 5)
    assert b.health()["calendar_generation"] == 2 and b.health()["status"] == "ok"


def test_an_item_written_on_one_node_is_read_on_the_other(kalendarium_bin, tmp_path, database, nodes):
    token = "t0ken-for-the-cluster-test-1234"
    os.environ["KALENDARIUM_API_TOKEN"] = token
    try:
        a = Node(kalendarium_bin, tmp_path, "a", database)
        nodes.append(a)
        b = Node(kalendarium_bin, tmp_path, "b", database)
        nodes.append(b)
    finally:
        del os.environ["KALENDARIUM_API_TOKEN"]
    request = urllib.request.Request(
        a.base + "/api/v1/items", method="POST",
        data=json.dumps({"title": "Svara på remissen", "body": "ledningsgruppen", "owners": ["role:kansli"],
                         "due": "2030-01-15"}).encode(),
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        created = json.loads(response.read())
    status, _, body = b.get(f"/api/v1/items/{created['id']}")
    assert status == 200 and json.loads(body)["title"] == "Svara på remissen"


def test_failover_sends_every_reminder_once(kalendarium_bin, run, tmp_path, database, nodes):
    n = 2000
    calendars, state, items = tmp_path / "people", tmp_path / "cli-state", tmp_path / "items.yaml"
    shutil.copytree(ROOT / "calendars", calendars)
    passes = latest_pass()
    moment = next(passes)
    write_people(calendars, n, moment.date() + dt.timedelta(days=7), items)
    smtp = Server().start()
    try:
        mail = f"smtp://127.0.0.1:{smtp.port}?starttls=never&timeout=10"
        extra = ["--mail", mail, "--mail-from", FROM, "--reminder-interval", "1", "--leader-lease", "3",
                 "--claim-seconds", "3"]
        # The daemons know none of the 2,000 people, so their own passes queue nothing:
        # what they send is exactly what the command below queues.
        a = Node(kalendarium_bin, tmp_path, "a", database, *extra)
        nodes.append(a)
        b = Node(kalendarium_bin, tmp_path, "b", database, *extra)
        nodes.append(b)
        assert wait_for(lambda: [a.health().get("sends_reminders"), b.health().get("sends_reminders")].count(True) == 1, 10)

        imported = run("items", "import", str(items), "--calendars", str(calendars), "--state", str(state),
                       "--database", database)
        assert imported.returncode == 0, imported.stderr
        # Queued by hand as of the pass; the sending daemon picks them up within a second.
        while True:
            result = run("remind", "--calendars", str(calendars), "--state", str(state), "--database", database,
                         "--now", moment.isoformat(), "--mail-from", FROM, "--queue-only")
            assert result.returncode == 0, result.stderr
            if sum(line.startswith("queued:") for line in result.stdout.splitlines()) == n:
                break
            moment = next(passes)  # a holiday: the pass of the working day before
            write_people(calendars, n, moment.date() + dt.timedelta(days=7), items)
            assert run("items", "import", str(items), "--calendars", str(calendars), "--state", str(state),
                       "--database", database).returncode == 0

        # Kill the sending node with SIGKILL in the middle.
        queued_at = time.monotonic()
        kill_after = random.randint(n // 5, n * 3 // 5)
        assert wait_for(lambda: len(smtp.sink.messages) >= kill_after, 120), "sending never started"
        sender, other = (a, b) if a.health()["sends_reminders"] else (b, a)
        sender.proc.kill()
        killed_at = time.monotonic()
        sender.proc.wait()
        at_kill = len(smtp.sink.messages)
        assert at_kill < n, "all sent before the kill; the test proves nothing"

        # The other takes over within the lease (3 s) and a third, and sends the rest.
        assert wait_for(lambda: other.health()["sends_reminders"], 10), other.log_path.read_text()[-2000:]
        took_over = time.monotonic() - killed_at
        assert wait_for(lambda: len(smtp.sink.messages) >= n, 120), (len(smtp.sink.messages), at_kill)
        done_at = time.monotonic()
        time.sleep(4)  # anything sent again would arrive by now (claims last 3 s)
        status = outbox_status(run, "--state", str(state), "--database", database)
        duplicates = assert_at_least_once(smtp.sink.message_ids(), n, status, kills=1)
        recipients = {str(m["To"]).split("<")[-1].rstrip(">") for m in smtp.sink.messages}
        assert recipients == {f"p{i}@example.org" for i in range(n)}
        print(f"killed the sender after {at_kill} of {n} messages; the other node took over after {took_over:.1f} s "
              f"and sent the remaining {n - at_kill}; {done_at - queued_at:.1f} s from queueing to the last message; "
              f"{len(duplicates)} duplicate(s), flagged uncertain; {status['uncertain']} flagged in all")
    finally:
        smtp.stop()


def test_a_clean_stop_hands_the_sending_over_at_once(kalendarium_bin, tmp_path, database, nodes):
    extra = ["--reminder-interval", "1", "--leader-lease", "30"]
    a = Node(kalendarium_bin, tmp_path, "a", database, *extra)
    nodes.append(a)
    assert wait_for(lambda: a.health()["sends_reminders"], 10)
    b = Node(kalendarium_bin, tmp_path, "b", database, *extra)
    nodes.append(b)
    time.sleep(1.5)
    assert b.health()["sends_reminders"] is False
    a.stop(signal.SIGTERM)
    assert a.proc.returncode == 0
    # Released on SIGTERM: b does not wait the 30 s lease out.
    assert wait_for(lambda: b.health()["sends_reminders"], 15 - 10)


def test_a_wrong_database_url_is_explained(run, tmp_path):
    result = run("serve", "--port", "0", "--state", str(tmp_path / "s"), "--database", "mysql://x@y/z")
    assert result.returncode == 1 and "not a postgres:// URL" in result.stderr
    down = f"postgres://kalendarium@127.0.0.1:{free_port()}/none?sslmode=disable&connect_timeout=3"
    result = run("items", "list", "--state", str(tmp_path / "s"), "--database", down)
    assert result.returncode == 1 and "cannot prepare the database at" in result.stderr
    assert "no connection within 3 s" in result.stderr


def test_a_database_outage_is_reported_and_survived(kalendarium_bin, tmp_path, nodes):
    """Its own PostgreSQL, stopped and started again under a running daemon."""
    # Under /tmp itself: as root, the server runs as the postgres user, who cannot
    # enter pytest's private temporary folders.
    folder = Path(tempfile.mkdtemp(prefix="kalendarium-pg-"))
    script = str(ROOT / "scripts/postgres")
    url = subprocess.run([script, "start", str(folder)], check=True, capture_output=True, text=True).stdout.strip()
    try:
        os.environ["KALENDARIUM_API_TOKEN"] = "t0ken-for-the-outage-test-123"
        try:
            a = Node(kalendarium_bin, tmp_path, "a", url + "&connect_timeout=2", "--reminder-interval", "1")
            nodes.append(a)
        finally:
            del os.environ["KALENDARIUM_API_TOKEN"]
        assert a.get("/api/v1/items")[0] == 200
        subprocess.run([script, "stop", str(folder)], check=True, capture_output=True)

        # Feeds are served from memory; the API answers 503 with the reason; /healthz says why.
        assert a.get("/calendars/all.ics")[0] == 200
        status, _, body = a.get("/api/v1/items")
        assert status == 503 and "did not answer within 2 s" in json.loads(body)["error"]
        assert wait_for(lambda: a.health()["status"] == "degraded", 15)
        assert any("reminder" in reason for reason in a.health()["reasons"])

        subprocess.run([script, "start", str(folder)], check=True, capture_output=True)
        assert wait_for(lambda: a.get("/api/v1/items")[0] == 200, 30)
        assert wait_for(lambda: a.health()["status"] == "ok", 15), a.health()
    finally:
        subprocess.run([script, "stop", str(folder)], capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


def test_an_agenda_published_by_the_cli_reaches_every_node(kalendarium_bin, run, tmp_path, database, nodes):
    """An agenda published on the shared database (by the CLI, no daemon involved) is in
    both nodes' feeds and pages, with the same bytes: the nodes poll the agendas."""
    a = Node(kalendarium_bin, tmp_path, "a", database)
    nodes.append(a)
    b = Node(kalendarium_bin, tmp_path, "b", database)
    nodes.append(b)
    meeting = "ledningsgruppen-2021-11-19"
    for args in (["add", meeting, "--title", "Elektrifieringsfrågor"], ["publish", meeting]):
        result = run("agenda", *args, "--calendars", str(a.calendars), "--database", database,
                     "--now", "2021-11-01T10:00:00+01:00")
        assert result.returncode == 0, result.stdout + result.stderr

    def listed(node):
        body = node.get("/calendars/ledningsgruppen.ics")[2].replace(b"\r\n ", b"")
        return "Elektrifieringsfrågor".encode() in body

    assert wait_for(lambda: listed(a) and listed(b), 15), (a.log_path.read_text(), b.log_path.read_text())
    assert wait_for(lambda: a.get("/calendars/all.ics")[1]["ETag"] == b.get("/calendars/all.ics")[1]["ETag"], 10)
    for node in (a, b):
        status, _, page = node.get(f"/meetings/{meeting}")
        assert status == 200 and "Elektrifieringsfrågor" in page.decode()
