"""Plain feed requests are answered on the event loop (`FeedFastPath`), every other
request by Hummingbird: on raw sockets, both must give the same answers, in order,
and the request-head timeout must keep working for connections only the fast path
has seen."""

import socket
import time

import pytest

from test_serve import Daemon


@pytest.fixture(scope="module")
def daemon(kalendarium_bin, tmp_path_factory):
    d = Daemon(kalendarium_bin, tmp_path_factory.mktemp("fastpath"))
    yield d
    d.stop()


def read_response(s: socket.socket, pending: bytes = b"") -> tuple[bytes, bytes, bytes]:
    """One response (a 304 has no body): (head, body, what follows it)."""
    received = pending
    while b"\r\n\r\n" not in received:
        chunk = s.recv(65536)
        assert chunk, f"the server closed after {received!r}"
        received += chunk
    head, rest = received.split(b"\r\n\r\n", 1)
    lengths = [int(line.split(b":")[1]) for line in head.split(b"\r\n") if line.lower().startswith(b"content-length:")]
    length = lengths[0] if lengths else 0
    assert lengths or b" 304 " in head.split(b"\r\n")[0], head
    while len(rest) < length:
        chunk = s.recv(65536)
        assert chunk, f"the server closed after {len(rest)} of {length} bytes"
        rest += chunk
    return head, rest[:length], rest[length:]


def headers(head: bytes) -> dict[bytes, bytes]:
    """The header fields but Date, which may tick between two answers."""
    fields = {}
    for line in head.split(b"\r\n")[1:]:
        name, value = line.split(b":", 1)
        if name.lower() != b"date":
            fields[name.lower()] = value.strip()
    return fields


def get(path: str, *extra: bytes) -> bytes:
    return b"GET " + path.encode() + b" HTTP/1.1\r\nHost: a\r\n" + b"".join(e + b"\r\n" for e in extra) + b"\r\n"


def test_pipelined_feed_and_other_requests_are_answered_in_order_and_alike(daemon):
    etag = daemon.get("/calendars/all.ics")[1]["ETag"]
    # The query sends the same feed through Hummingbird's route: it ignores `?via=`.
    requests = [
        get("/calendars/all.ics"), get("/healthz"), get("/calendars/all.ics?via=router"),
        get("/calendars/all.ics", b"If-None-Match: " + etag.encode()),
        get("/calendars/all.ics?via=router", b"If-None-Match: " + etag.encode()),
        get("/calendars/all.ics", b"Accept-Encoding: gzip"), get("/calendars/all.ics?via=router", b"Accept-Encoding: gzip"),
        get("/calendars/nothing.ics"), get("/calendars/../all.ics"), get("/calendars/all.ics"),
    ]
    with socket.create_connection(("127.0.0.1", daemon.port), timeout=5) as s:
        s.sendall(b"".join(requests))
        answers, pending = [], b""
        for _ in requests:
            head, body, pending = read_response(s, pending)
            answers.append((head.split(b"\r\n")[0], headers(head), body))
    assert [status for status, _, _ in answers] == [
        b"HTTP/1.1 200 OK", b"HTTP/1.1 200 OK", b"HTTP/1.1 200 OK", b"HTTP/1.1 304 Not Modified",
        b"HTTP/1.1 304 Not Modified", b"HTTP/1.1 200 OK", b"HTTP/1.1 200 OK", b"HTTP/1.1 404 Not Found",
        b"HTTP/1.1 404 Not Found", b"HTTP/1.1 200 OK"]
    for fast, router in [(0, 2), (3, 4), (5, 6)]:
        assert answers[fast][1:] == answers[router][1:]
    assert answers[0][2].startswith(b"BEGIN:VCALENDAR") and answers[0][2] == answers[9][2]
    assert answers[5][1][b"content-encoding"] == b"gzip"
    assert b"vcalendar" not in answers[1][2].lower()


def test_a_connection_polling_feeds_outlives_the_head_timeout(daemon):
    """The head timeout (2 s here) is counted from each answer, also the fast path's."""
    with socket.create_connection(("127.0.0.1", daemon.port), timeout=5) as s:
        pending = b""
        started = time.monotonic()
        for _ in range(8):  # bounded: 8 requests over about 4 s
            s.sendall(get("/calendars/all.ics"))
            head, _, pending = read_response(s, pending)
            assert head.startswith(b"HTTP/1.1 200 OK")
            time.sleep(0.5)
        assert time.monotonic() - started > 3


def test_a_slow_head_after_a_feed_answer_is_cut_off(daemon):
    with socket.create_connection(("127.0.0.1", daemon.port), timeout=5) as s:
        s.sendall(get("/calendars/all.ics"))
        head, _, pending = read_response(s)
        assert head.startswith(b"HTTP/1.1 200 OK") and not pending
        s.sendall(b"GET /calendars/all.ics HTTP/1.1\r\n")
        started = time.monotonic()
        closed = False
        for _ in range(20):  # bounded: at most 20 slow header lines, one each 0.25 s
            try:
                s.sendall(b"X-Slow: a\r\n")
                s.settimeout(0.25)
                if s.recv(65536) == b"":
                    closed = True
                    break
            except socket.timeout:
                continue
            except (BrokenPipeError, ConnectionResetError):
                closed = True
                break
        assert closed, "a head trickled for 5 s was not cut off"
        assert time.monotonic() - started < 4.5


def test_connection_close_and_http_1_0_close_after_the_feed(daemon):
    for request in [b"GET /calendars/all.ics HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n",
                    b"GET /calendars/all.ics HTTP/1.0\r\n\r\n"]:
        with socket.create_connection(("127.0.0.1", daemon.port), timeout=5) as s:
            s.sendall(request)
            head, body, pending = read_response(s)
            assert head.split(b"\r\n")[0].endswith(b" 200 OK") and body.startswith(b"BEGIN:VCALENDAR")
            s.settimeout(2)
            assert pending == b"" and s.recv(65536) == b"", "the connection stayed open"


def test_a_feed_answer_keeps_an_http_1_0_keep_alive_connection_open(daemon):
    with socket.create_connection(("127.0.0.1", daemon.port), timeout=5) as s:
        for _ in range(2):
            s.sendall(b"GET /calendars/all.ics HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            head, body, _ = read_response(s)
            assert head.startswith(b"HTTP/1.0 200 OK") and b"connection: keep-alive" in head.lower()
            assert body.startswith(b"BEGIN:VCALENDAR")
