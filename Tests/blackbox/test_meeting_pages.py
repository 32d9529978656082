"""Meeting pages, papers and the agenda API (issue 15, points 5 and 6), on the built
binary: the seeds' imported agendas on their pages, drafts kept back, papers with
their exact bytes and headers and no path tricks, a members-only body's token from
the kallelse in the maildir, the feeds' DESCRIPTION and SEQUENCE after a publish
made by the CLI in another process, and the API round trip with its mistakes."""

import email
import email.policy
import json
import re
import time
import urllib.request

import icalendar
import pytest

from conftest import ROOT, http_get
from test_serve import Daemon

PDF = b"%PDF-1.4\n% Kalendarium black-box\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
TOKEN = "meeting-pages-token-0123456789"
DRAFT = "ledningsgruppen-2021-11-19"


def cli(run, daemon, *args, now="2021-11-01T10:00:00+01:00"):
    result = run(*args, "--calendars", str(daemon.dir), "--state", str(daemon.state), "--now", now)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def serve(kalendarium_bin, tmp_path, *extra):
    (tmp_path / "token").write_text(TOKEN)
    d = Daemon(kalendarium_bin, tmp_path, "--api-token-file", str(tmp_path / "token"),
               "--page-url", "http://127.0.0.1/", *extra)
    d.state = tmp_path / "state"
    return d


def api(daemon, method, path, body=None, raw=None, content_type="application/json", auth=True):
    data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
    headers = {"Content-Type": content_type} if data is not None else {}
    if auth:
        headers["Authorization"] = f"Bearer {TOKEN}"
    request = urllib.request.Request(daemon.base + path, method=method, data=data, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def event(daemon, uid_prefix):
    status, _, body = daemon.get("/calendars/ledningsgruppen.ics")
    assert status == 200
    calendar = icalendar.Calendar.from_ical(body)
    return next(e for e in calendar.walk("VEVENT") if str(e["UID"]).startswith(uid_prefix))


@pytest.fixture
def daemon(kalendarium_bin, tmp_path, run):
    # The seeds' two agendas, imported as the run command does, before the daemon starts.
    d = serve(kalendarium_bin, tmp_path)
    cli(run, d, "agenda", "import", str(ROOT / "data/agendas-from-minutes.yaml"))
    yield d
    d.stop()


def test_the_seeds_agendas_are_on_their_pages_and_drafts_are_not(daemon, run, tmp_path):
    status, headers, body = daemon.get("/meetings/ledningsgruppen-2021-08-20")
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
    page = body.decode()
    assert re.search(r'<li id="punkt-8"><span class="point">Södertörnskonferensen</span>', page), page[-3000:]
    assert "8. Södertörnskonferensen" in cli(run, daemon, "agenda", "show", "ledningsgruppen-2021-08-20").stdout
    assert "(version 1)" in page and "@media print" in page
    assert daemon.get("/meetings/ledningsgruppen-2020-11-20")[0] == 200
    # A draft with a paper: the page and the paper keep it back.
    paper = tmp_path / "Utkast.pdf"
    paper.write_bytes(PDF)
    cli(run, daemon, "agenda", "attach", DRAFT, "1", str(paper))
    status, _, body = daemon.get(f"/meetings/{DRAFT}")
    assert status == 200 and "Dagordningen är inte publicerad än" in body.decode()
    assert "Utkast.pdf" not in body.decode()
    assert daemon.get(f"/meetings/{DRAFT}/papers/Utkast.pdf")[0] == 404
    status, _, body = daemon.get("/meetings/ledningsgruppen-2031-02-30")
    assert status == 404 and "Mötet finns inte" in body.decode()


def test_papers_download_with_exact_bytes_and_no_path_tricks(daemon, run, tmp_path):
    paper = tmp_path / "Förslag VP 2022 (rev 2).pdf"
    paper.write_bytes(PDF)
    cli(run, daemon, "agenda", "attach", "ledningsgruppen-2021-08-20", "4", str(paper))
    base = daemon.base + "/meetings/ledningsgruppen-2021-08-20/papers/"
    status, headers, body = http_get(base + "F%C3%B6rslag-VP-2022-rev-2.pdf")
    assert status == 200 and body == PDF
    assert headers["Content-Type"] == "application/pdf"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Content-Disposition"] == (
        "attachment; filename=\"Forslag-VP-2022-rev-2.pdf\"; filename*=UTF-8''F%C3%B6rslag-VP-2022-rev-2.pdf")
    import hashlib
    assert headers["ETag"] == f'"{hashlib.sha256(PDF).hexdigest()}"'
    assert http_get(base + "F%C3%B6rslag-VP-2022-rev-2.pdf", {"If-None-Match": headers["ETag"]})[0] == 304
    # The page links to it.
    assert "papers/Förslag-VP-2022-rev-2.pdf" in daemon.get("/meetings/ledningsgruppen-2021-08-20")[2].decode()
    for trick in ["..%2F..%2Fkalendarium.sqlite", "..%2Fagenda-token.key", "%2E%2E%2Fstate",
                  "F%C3%B6rslag-VP-2022-rev-2.pdf%00", "%00", "Nope.pdf", "..", "kalendarium.sqlite"]:
        status = http_get(base + trick)[0]
        assert status in (400, 404), (trick, status)


def test_the_feed_lists_the_titles_after_a_publish_in_another_process(daemon, run):
    before = event(daemon, DRAFT)
    assert f"Mötets sida: http://127.0.0.1/meetings/{DRAFT}" in str(before["DESCRIPTION"])
    assert "Dagordning:" not in str(before["DESCRIPTION"])
    cli(run, daemon, "agenda", "add", DRAFT, "--title", "Elektrifieringsfrågor")
    cli(run, daemon, "agenda", "publish", DRAFT)
    assert daemon.wait_for(lambda: "Dagordning:" in str(event(daemon, DRAFT)["DESCRIPTION"]), limit=20)
    after = event(daemon, DRAFT)
    assert "1. Välkommen" in str(after["DESCRIPTION"])
    assert "Elektrifieringsfrågor" in str(after["DESCRIPTION"])
    assert int(after["SEQUENCE"]) > int(before["SEQUENCE"])


def test_the_agenda_api_round_trip_and_its_mistakes(daemon):
    base = f"/api/v1/meetings/{DRAFT}/agenda"
    status, document = api(daemon, "POST", base + "/points",
                           {"title": "Regional utvecklingsplan", "kind": "decision", "time": "09:00-09:30"})
    assert status == 201, document
    added = next(p for p in document["points"] if p["title"] == "Regional utvecklingsplan")
    status, document = api(daemon, "POST", base + f"/points/{added['number']}/move", {"to": 2})
    assert status == 200 and document["points"][1]["title"] == "Regional utvecklingsplan"
    status, document = api(daemon, "POST", base + "/points/2/papers?name=Plan.pdf", raw=PDF,
                           content_type="application/pdf")
    assert status == 201 and document["points"][1]["papers"][0]["size"] == len(PDF)
    assert api(daemon, "GET", base, auth=False)[1]["points"] == []  # not published: members see nothing yet
    status, document = api(daemon, "POST", base + "/publish")
    assert status == 200 and document["version"] == 1
    status, document = api(daemon, "GET", base, auth=False)
    assert status == 200 and document["published"]["points"][1]["title"] == "Regional utvecklingsplan"
    assert document["proposals"] == []
    assert http_get(daemon.base + f"/meetings/{DRAFT}/papers/Plan.pdf")[2] == PDF
    # Mistakes: each a status and a message.
    for method, path, body, expected in [
        ("POST", base + "/publish", None, 409),
        ("PATCH", base + "/points/99", {"title": "x"}, 404),
        ("DELETE", base + "/points/99", None, 404),
        ("POST", base + "/points", {"kind": "decision"}, 422),
        ("POST", base + "/points", {"title": "x", "kind": "beslut"}, 422),
        ("POST", base + "/points/1/move", {"to": 42}, 422),
        ("POST", base + "/proposals/7/accept", None, 404),
        ("POST", base + "/proposals", {"title": "x", "by": "not an address"}, 422),
        ("GET", "/api/v1/meetings/ledningsgruppen-2031-02-30/agenda", None, 404),
        ("GET", "/api/v1/meetings/next:ledningsgrupp/agenda", None, 404),
    ]:
        status, answer = api(daemon, method, path, body)
        assert status == expected and answer["error"], (method, path, status, answer)
    status, answer = api(daemon, "POST", base + "/points", raw=b'{"title": ', content_type="application/json")
    assert status == 400 and answer["error"]
    assert api(daemon, "POST", base + "/publish", auth=False)[0] == 401


def test_a_members_only_body_needs_the_token_from_the_kallelse(kalendarium_bin, tmp_path, run):
    d = serve(kalendarium_bin, tmp_path)
    try:
        bodies = d.dir / "bodies.yaml"
        bodies.write_text(bodies.read_text().replace("    color: teal", "    visibility: members\n    color: teal", 1))
        meeting = "ledningsgruppen-2021-11-19"
        paper = tmp_path / "Underlag.pdf"
        paper.write_bytes(PDF)
        cli(run, d, "agenda", "attach", meeting, "1", str(paper))
        cli(run, d, "agenda", "publish", meeting)
        # The kallelse of 9 November to each member carries that member's links.
        cli(run, d, "remind", "--mail", f"maildir:{tmp_path / 'maildir'}", now="2021-11-09T08:30:00+01:00")
        mails = [email.message_from_bytes(p.read_bytes(), policy=email.policy.default)
                 for p in (tmp_path / "maildir" / "new").iterdir()]
        kallelse = next(m for m in mails if "kd.huddinge@example.org" in str(m["To"]))
        text = kallelse.get_body(("plain",)).get_content()
        token = re.search(rf"/meetings/{meeting}\?token=([0-9a-f]{{64}})", text).group(1)
        assert f"/papers/Underlag.pdf?token={token}" in text
        assert d.wait_for(lambda: "visibility" in bodies.read_text() and
                          "Dagordningen visas" in d.get(f"/meetings/{meeting}")[2].decode())
        page = d.get(f"/meetings/{meeting}")[2].decode()
        assert "Dagordningen visas för kommitténs ledamöter" in page and "Underlag.pdf" not in page
        assert d.get(f"/meetings/{meeting}/papers/Underlag.pdf")[0] == 403
        assert d.get(f"/meetings/{meeting}/papers/Underlag.pdf?token={'0' * 64}")[0] == 403
        assert d.get(f"/meetings/{meeting}/papers/Underlag.pdf?token={token}")[2] == PDF
        assert "Underlag.pdf" in d.get(f"/meetings/{meeting}?token={token}")[2].decode()
        assert "Dagordning:" not in str(event(d, meeting)["DESCRIPTION"])  # no titles in a public feed
        # Another member's token is for another person; the secretariat's rotation ends them all.
        cli(run, d, "tokens", "rotate")
        assert d.get(f"/meetings/{meeting}/papers/Underlag.pdf?token={token}")[0] == 403
    finally:
        d.stop()
