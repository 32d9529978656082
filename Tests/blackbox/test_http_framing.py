"""Requests whose framing is ambiguous are refused with 400, and HTTP/1.0 is answered as
HTTP/1.0: what a hostile probe found (issue 12, point 5), on raw sockets."""

import json
import socket
import time

import pytest

from test_serve import Daemon

TOKEN = "framing-token-0123456789"


@pytest.fixture(scope="module")
def daemon(kalendarium_bin, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("framing")
    (tmp / "token").write_text(TOKEN)
    d = Daemon(kalendarium_bin, tmp, "--api-token-file", str(tmp / "token"))
    yield d
    d.stop()


def exchange(daemon, data: bytes, limit=5.0):
    """Sends `data`, reads until the server closes or `limit` seconds pass.
    Returns (everything read, whether the server closed)."""
    with socket.create_connection(("127.0.0.1", daemon.port), timeout=limit) as s:
        s.sendall(data)
        received = b""
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            s.settimeout(max(0.05, deadline - time.monotonic()))
            try:
                chunk = s.recv(65536)
            except socket.timeout:
                return received, False
            except ConnectionResetError:
                return received, True
            if not chunk:
                return received, True
            received += chunk
        return received, False


def responses(received: bytes) -> list[bytes]:
    """The status lines in what a connection received."""
    return [line for line in received.split(b"\r\n") if line.startswith(b"HTTP/1.")]


def error_of(received: bytes) -> str:
    return json.loads(received.split(b"\r\n\r\n", 1)[1])["error"]


@pytest.mark.parametrize("request_head, reason", [
    (b"GET /healthz HTTP/1.1\r\n\r\n", "must have a Host header"),
    (b"GET /healthz HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", "2 Host headers"),
    (b"GET /healthz HTTP/1.0\r\nHost: a\r\nHost: a\r\n\r\n", "2 Host headers"),
    (b"POST /api/v1/items HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip\r\n\r\nxx", "\"gzip\" is not supported"),
    (b"POST /api/v1/items HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n",
     "\"gzip, chunked\" is not supported"),
    (b"POST /api/v1/items HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n"
     b"0\r\n\r\n", None),  # NIO's parser refuses this one itself
    (b"POST /api/v1/items HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", "HTTP/1.0"),
])
def test_ambiguous_framing_is_400_and_closed(daemon, request_head, reason):
    received, closed = exchange(daemon, request_head)
    version = b"HTTP/1.0" if b" HTTP/1.0\r\n" in request_head.split(b"\r\n")[0] + b"\r\n" else b"HTTP/1.1"
    assert responses(received) == [version + b" 400 Bad Request"], received
    assert reason is None or reason in error_of(received)
    assert closed
    assert daemon.get("/healthz")[0] == 200


def test_transfer_encoding_with_content_length_is_400(daemon):
    received, closed = exchange(
        daemon, b"POST /api/v1/items HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n"
                b"abc")
    assert responses(received) == [b"HTTP/1.1 400 Bad Request"], received
    assert closed


def test_a_malformed_chunked_body_is_400_not_413(daemon):
    received, closed = exchange(
        daemon, (f"POST /api/v1/items HTTP/1.1\r\nHost: a\r\nAuthorization: Bearer {TOKEN}\r\n"
                 "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n").encode())
    assert responses(received) == [b"HTTP/1.1 400 Bad Request"], received
    assert closed


def test_a_bad_chunk_behind_an_answer_gets_no_second_answer(daemon):
    # Without the token the 401 goes out before the body is read; the bad chunk that
    # follows must not add a second response to the same request.
    received, closed = exchange(
        daemon, b"POST /api/v1/items HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n")
    assert responses(received) == [b"HTTP/1.1 401 Unauthorized"], received
    assert closed


def test_http_1_0_without_keep_alive_is_closed_after_the_response(daemon):
    started = time.monotonic()
    received, closed = exchange(daemon, b"GET /calendars/radslag.ics HTTP/1.0\r\n\r\n")
    assert closed and time.monotonic() - started < 3
    head, body = received.split(b"\r\n\r\n", 1)
    assert head.startswith(b"HTTP/1.0 200 OK")
    assert b"transfer-encoding" not in head.lower()
    assert body.startswith(b"BEGIN:VCALENDAR") and body.rstrip().endswith(b"END:VCALENDAR")


def read_response(s: socket.socket, pending: bytes = b"") -> tuple[bytes, bytes, bytes]:
    """One response with a Content-Length from `s`: (head, body, what follows it)."""
    received = pending
    while b"\r\n\r\n" not in received:
        chunk = s.recv(65536)
        assert chunk, f"the server closed after {received!r}"
        received += chunk
    head, rest = received.split(b"\r\n\r\n", 1)
    length = int(next(line.split(b":")[1] for line in head.split(b"\r\n")
                      if line.lower().startswith(b"content-length:")))
    while len(rest) < length:
        chunk = s.recv(65536)
        assert chunk, f"the server closed after {len(rest)} of {length} bytes"
        rest += chunk
    return head, rest[:length], rest[length:]


def test_http_1_0_with_keep_alive_stays_open(daemon):
    with socket.create_connection(("127.0.0.1", daemon.port), timeout=5) as s:
        for _ in range(2):
            s.sendall(b"GET /healthz HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            head, body, _ = read_response(s)
            assert head.startswith(b"HTTP/1.0 200 OK")
            assert b"connection: keep-alive" in head.lower()
            assert json.loads(body)["status"] in ("ok", "degraded")


def test_pipelined_requests_get_every_answer_in_order(daemon):
    with socket.create_connection(("127.0.0.1", daemon.port), timeout=5) as s:
        s.sendall(b"GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n"
                  b"GET /calendars/nothing.ics HTTP/1.1\r\nHost: a\r\n\r\n"
                  b"GET /openapi.yaml HTTP/1.1\r\nHost: a\r\n\r\n"
                  b"GET /healthz HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"
                  b"GET /healthz HTTP/1.1\r\n\r\n")  # no Host: refused, last
        pending = b""
        statuses = []
        for _ in range(5):
            head, body, pending = read_response(s, pending)
            statuses.append(head.split(b"\r\n")[0])
        assert statuses == [b"HTTP/1.1 200 OK", b"HTTP/1.1 404 Not Found", b"HTTP/1.1 200 OK", b"HTTP/1.0 200 OK",
                            b"HTTP/1.1 400 Bad Request"]
