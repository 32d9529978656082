"""The daemon as a calendar client and an operator see it: the built binary on a loopback port."""

import gzip
import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

import icalendar
import pytest

from conftest import ROOT, http_get, wait_until_listening

FEEDS = ["all.ics", "ledningsgruppen.ics", "samarbetskommitten.ics", "radslag.ics", "sodertornskonferensen.ics",
         "nyckeltalsdagen.ics", "hosts.ics", "municipality/huddinge.ics", "municipality/nynashamn.ics"]


class Daemon:
    def __init__(self, binary, tmp: Path, *extra):
        self.dir = tmp / "calendars"
        shutil.copytree(ROOT / "calendars", self.dir)
        self.notify_path = str(tmp / "notify.sock")
        self.notify = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.notify.bind(self.notify_path)
        self.notify.settimeout(10)
        env = {**os.environ, "NOTIFY_SOCKET": self.notify_path, "WATCHDOG_USEC": "400000"}
        self.proc = subprocess.Popen(
            [binary, "serve", "--port", "0", "--calendars", str(self.dir), "--state", str(tmp / "state"),
             "--reload-interval", "0.2", "--idle-timeout", "3", "--header-timeout", "2", *extra],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        self.base = wait_until_listening(self.proc)
        self.port = int(self.base.rsplit(":", 1)[1])

    def get(self, path, headers=None):
        return http_get(self.base + path, headers)

    def messages(self, until, limit=30):
        """Datagrams sent to NOTIFY_SOCKET until one contains `until`."""
        seen = []
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            try:
                message = self.notify.recv(4096).decode()
            except socket.timeout:
                break
            seen.append(message)
            if until in message:
                break
        return seen

    def wait_for(self, predicate, limit=15):
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            if predicate():
                return True
            time.sleep(0.1)
        return False

    def stop(self):
        """Stops the daemon (SIGTERM, SIGKILL after 20 s) and closes its pipes; what it
        wrote to standard error is kept in `log`. Safe to call twice."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if not self.proc.stderr.closed:
            self.log = self.proc.stderr.read()
        self.proc.stdout.close()
        self.proc.stderr.close()
        self.notify.close()


@pytest.fixture
def daemon(kalendarium_bin, tmp_path):
    d = Daemon(kalendarium_bin, tmp_path)
    yield d
    d.stop()


def test_every_feed_is_served_to_curl_and_python(daemon):
    for name in FEEDS:
        status, headers, body = daemon.get(f"/calendars/{name}")
        assert status == 200, name
        assert headers["Content-Type"] == "text/calendar; charset=utf-8"
        assert headers["ETag"].startswith('"')
        icalendar.Calendar.from_ical(body)
    result = subprocess.run(["curl", "-sS", "-o", "/dev/null", "-w", "%{http_code} %{content_type}",
                             f"{daemon.base}/calendars/all.ics"], capture_output=True, text=True, timeout=30)
    assert result.stdout == "200 text/calendar; charset=utf-8"


def test_304_with_etag_and_last_modified(daemon):
    _, headers, _ = daemon.get("/calendars/all.ics")
    status, again, body = daemon.get("/calendars/all.ics", {"If-None-Match": headers["ETag"]})
    assert status == 304 and body == b"" and again["ETag"] == headers["ETag"]
    status, _, _ = daemon.get("/calendars/all.ics", {"If-Modified-Since": headers["Last-Modified"]})
    assert status == 304
    curl = subprocess.run(["curl", "-sS", "-o", "/dev/null", "-w", "%{http_code}", "-H",
                           f"If-None-Match: {headers['ETag']}", f"{daemon.base}/calendars/all.ics"],
                          capture_output=True, text=True, timeout=30)
    assert curl.stdout == "304"


def test_gzip_body_is_the_same_feed(daemon):
    _, _, plain = daemon.get("/calendars/all.ics")
    status, headers, body = daemon.get("/calendars/all.ics", {"Accept-Encoding": "gzip"})
    assert status == 200 and headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(body) == plain
    curl = subprocess.run(["curl", "-sS", "--compressed", f"{daemon.base}/calendars/all.ics"], capture_output=True,
                          timeout=30)
    assert curl.stdout == plain


def test_safety_404_405_and_limits(daemon):
    assert daemon.get("/calendars/../Package.swift")[0] == 404
    assert daemon.get("/calendars/%2e%2e%2fREADME.md")[0] == 404
    assert daemon.get("/calendars/nothing.ics")[0] == 404
    conn = http.client.HTTPConnection("127.0.0.1", daemon.port, timeout=10)
    conn.request("DELETE", "/calendars/all.ics")
    response = conn.getresponse()
    assert response.status == 405 and response.getheader("Allow") == "GET, HEAD"
    conn.close()
    # A header far over the limit is refused, and the server stays up.
    with socket.create_connection(("127.0.0.1", daemon.port), timeout=10) as s:
        s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 100_000 + b"\r\n\r\n")
        try:
            reply = s.recv(100)
        except ConnectionResetError:
            reply = b""
        assert not reply.startswith(b"HTTP/1.1 200")
    assert daemon.get("/healthz")[0] == 200


def test_slow_client_is_cut_off(daemon):
    """A client that never finishes its request head loses the connection (header timeout 2 s)."""
    with socket.create_connection(("127.0.0.1", daemon.port), timeout=15) as s:
        start = time.monotonic()
        s.sendall(b"GET / HTTP/1.1\r\n")
        closed = False
        for _ in range(20):  # bounded: at most 20 slow bytes
            try:
                s.sendall(b"X")
                s.settimeout(0.5)
                if s.recv(1) == b"":
                    closed = True
                    break
            except socket.timeout:
                continue
            except (BrokenPipeError, ConnectionResetError):
                closed = True
                break
        assert closed
        assert time.monotonic() - start < 8
    assert daemon.get("/healthz")[0] == 200


def test_reload_with_a_broken_file_in_between(daemon):
    _, headers, before = daemon.get("/calendars/all.ics")
    original = (daemon.dir / "2021.yaml").read_text()
    (daemon.dir / "2021.yaml").write_text("meetings:\n  - body: ledningsgrupp\n    date: 2021-01-22\n")
    daemon.proc.send_signal(signal.SIGHUP)

    def degraded():
        return json.loads(daemon.get("/healthz")[2])["status"] == "degraded"

    assert daemon.wait_for(degraded)
    health = json.loads(daemon.get("/healthz")[2])
    assert any("2021.yaml:2:5: error: unknown body" in r for r in health["reasons"])
    status, again, body = daemon.get("/calendars/all.ics")
    assert status == 200 and body == before and again["ETag"] == headers["ETag"]
    assert "Kalenderfilerna har fel" in daemon.get("/")[2].decode()
    # Fixed, with one meeting moved: the file watcher picks it up without a signal.
    (daemon.dir / "2021.yaml").write_text(original.replace("    date: 2021-11-19\n", "    date: 2021-11-26\n"))
    assert daemon.wait_for(lambda: json.loads(daemon.get("/healthz")[2])["status"] == "ok")
    status, after, body = daemon.get("/calendars/all.ics")
    assert after["ETag"] != headers["ETag"] and b"20211126T083000" in body


def test_systemd_notifications_and_graceful_stop(daemon):
    ready = daemon.messages("READY=1")
    assert any("READY=1" in m for m in ready)
    assert any("WATCHDOG=1" in m for m in daemon.messages("WATCHDOG=1"))
    daemon.proc.send_signal(signal.SIGHUP)
    reload = daemon.messages("READY=1")
    assert any(m.startswith("RELOADING=1\nMONOTONIC_USEC=") for m in reload)
    daemon.proc.send_signal(signal.SIGTERM)
    assert daemon.proc.wait(timeout=20) == 0
    assert any("STOPPING=1" in m for m in daemon.messages("STOPPING=1", limit=5))


def test_sigterm_finishes_in_flight_requests(daemon):
    """Clients keep fetching while SIGTERM arrives: every response that starts arrives whole."""
    import threading

    outcomes, stop = [], threading.Event()

    def client():
        for _ in range(300):  # bounded in count, and by `stop`
            if stop.is_set():
                return
            try:
                conn = http.client.HTTPConnection("127.0.0.1", daemon.port, timeout=10)
                conn.request("GET", "/calendars/all.ics")
                response = conn.getresponse()
            except OSError:
                outcomes.append("refused")  # not yet in flight: the server had stopped accepting
                continue
            try:
                body = response.read()
                outcomes.append("whole" if body.endswith(b"END:VCALENDAR\r\n") else "truncated")
            except (http.client.IncompleteRead, OSError):
                outcomes.append("truncated")
            finally:
                conn.close()

    threads = [threading.Thread(target=client) for _ in range(4)]
    for t in threads:
        t.start()
    time.sleep(0.5)
    daemon.proc.send_signal(signal.SIGTERM)
    code = daemon.proc.wait(timeout=20)
    stop.set()
    for t in threads:
        t.join(timeout=20)
    assert code == 0
    assert "whole" in outcomes and "truncated" not in outcomes


def test_metrics_and_logs(daemon):
    daemon.get("/calendars/all.ics")
    # Hummingbird's MetricsMiddleware counts a request once its body is written: the
    # next scrape may come a moment before that (bounded: 50 tries, 5 s).
    label = 'kalendarium_http_requests_total{route="/calendars/{name}",method="GET",status="200"} 1'
    for _ in range(50):
        body = daemon.get("/metrics")[2].decode()
        if label in body:
            break
        time.sleep(0.1)
    assert label in body
    assert 'kalendarium_http_request_duration_seconds_count{route="/calendars/{name}",method="GET",status="200"} 1' in body
    assert "kalendarium_feed_builds_total 1" in body
    daemon.stop()
    assert "<6>published the calendar" in daemon.log


def test_private_feed_needs_its_token(kalendarium_bin, tmp_path):
    token_file = tmp_path / "hosts.token"
    token_file.write_text("0123456789abcdef0123456789abcdef\n")
    d = Daemon(kalendarium_bin, tmp_path, "--private-feed", f"hosts.ics={token_file}")
    try:
        assert d.get("/calendars/hosts.ics")[0] == 404
        assert d.get("/calendars/hosts.ics?token=0123456789abcdef0123456789abcdee")[0] == 404
        assert d.get("/calendars/hosts.ics?token=0123456789abcdef0123456789abcdef")[0] == 200
        assert "hosts.ics" not in d.get("/")[2].decode()
    finally:
        d.stop()


def test_the_page_in_headless_chromium(daemon, tmp_path):
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    assert chromium, "chromium is installed by scripts/install-deps --test"
    common = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
              f"--user-data-dir={tmp_path / 'profile'}"]
    dom = subprocess.run([*common, "--dump-dom", daemon.base + "/"], capture_output=True, text=True, timeout=120)
    assert dom.returncode == 0, dom.stderr[-2000:]
    html = dom.stdout
    assert "Södertörnskommunernas kalendarium" in html
    assert 'href="webcal://127.0.0.1:' in html and "Prenumerera" in html
    assert "Värdkommuner de närmaste tio åren" in html
    assert "Avvikelser i kalenderdata" in html and "annan veckodag än vanligt" in html
    shot = tmp_path / "page.png"
    result = subprocess.run([*common, "--window-size=390,2400", f"--screenshot={shot}", daemon.base + "/"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and shot.stat().st_size > 10_000
    shutil.copy(shot, ROOT / ".build" / "page-phone.png") if (ROOT / ".build").is_dir() else None


def test_a_trickled_body_is_cut_even_with_the_token(kalendarium_bin, tmp_path):
    """One body byte every 2 s held connections open for ever when the token was right."""
    token = "trickle-token-0123456789"
    (tmp_path / "token").write_text(token)
    d = Daemon(kalendarium_bin, tmp_path, "--api-token-file", str(tmp_path / "token"))
    try:
        with socket.create_connection(("127.0.0.1", d.port), timeout=30) as s:
            s.sendall((f"POST /api/v1/items HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {token}\r\n"
                       "Content-Type: application/json\r\nContent-Length: 200\r\n\r\n{").encode())
            started = time.monotonic()
            answer = b""
            s.settimeout(2)
            while time.monotonic() - started < 25 and not answer:
                try:
                    answer = s.recv(4096)
                except socket.timeout:
                    try:
                        s.sendall(b" ")
                    except OSError:
                        break
            elapsed = time.monotonic() - started
        assert answer.startswith(b"HTTP/1.1 408"), answer[:200]
        assert b"did not arrive within 10 s" in answer
        assert 9 < elapsed < 20, elapsed
    finally:
        d.stop()
