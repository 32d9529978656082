"""Answers by the kallelse's links (issue 17, points 1, 2 and 5), on the built binary
with a real HTTP client: the link opens a confirmation page and records nothing, the
confirming POST records, a change of answer is kept as history (CLI and API), a wrong
token is 403 and a past meeting's 410, a substitute without a name 422; the
secretariat's own token shows the answers on the meeting page; the minutes start
from the answers."""

import email
import email.policy
import json
import re
import urllib.parse
import urllib.request

from test_meeting_pages import TOKEN, serve

MEETING = "ledningsgruppen-2027-03-12"
KD = "kd.huddinge@example.org"
FUTURE = """meetings:
  - body: ledningsgruppen
    date: 2027-03-12
    time: "08:30-11:00"
"""


class NoRedirect(urllib.request.HTTPErrorProcessor):
    def http_response(self, request, response):
        return response


def request(url, data=None, method=None, headers=None):
    """(status, headers, body) without following redirects, with a 10 s limit."""
    opener = urllib.request.build_opener(NoRedirect)
    req = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    with opener.open(req, timeout=10) as response:
        return response.status, dict(response.headers), response.read().decode()


def cli(run, daemon, *args, now="2027-02-25T10:00:00+01:00"):
    result = run(*args, "--calendars", str(daemon.dir), "--state", str(daemon.state), "--now", now)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def links(run, daemon, tmp_path):
    """Each recipient's answer links, read from their kallelse in the maildir."""
    cli(run, daemon, "agenda", "publish", MEETING, now="2027-02-20T10:00:00+01:00")
    cli(run, daemon, "remind", "--mail", f"maildir:{tmp_path / 'maildir'}", now="2027-03-02T08:30:00+01:00")
    found = {}
    for path in (tmp_path / "maildir" / "new").iterdir():
        message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        text = message.get_body(("plain",)).get_content().replace("\r\n", "\n")
        for label, url in re.findall(r"^  (Jag [^:]+): (\S+)$", text, re.M):
            found.setdefault(message["To"].addresses[0].addr_spec, {})[label] = url
    return found


def local(daemon, url):
    parts = urllib.parse.urlparse(url)
    return daemon.base + parts.path + "?" + parts.query


def test_answer_by_link_confirm_change_and_see(kalendarium_bin, run, tmp_path):
    d = serve(kalendarium_bin, tmp_path)
    try:
        (d.dir / "2027.yaml").write_text(FUTURE)
        assert d.wait_for(lambda: d.get(f"/meetings/{MEETING}")[0] == 200)
        found = links(run, d, tmp_path)
        assert set(found) >= {KD, "kd.sodertalje@example.org"}, found
        coming = local(d, found[KD]["Jag kommer"])
        # Opening the link (as a mail scanner would) records nothing.
        status, headers, page = request(coming)
        assert status == 200 and "Bekräfta svaret" in page and "Du har inte svarat än" in page
        assert headers["Cache-Control"] == "no-store" and headers["Referrer-Policy"] == "no-referrer"
        assert 'value="kommer" checked' in page
        show = json.loads(cli(run, d, "answers", MEETING, "--format", "json").stdout)
        kd = next(i for i in show["invitees"] if i["email"] == KD)
        assert kd["answer"] is None and show["window"] == "open"
        token = urllib.parse.parse_qs(urllib.parse.urlparse(coming).query)["token"][0]
        post = d.base + f"/meetings/{MEETING}/svar"

        def confirm(**fields):
            body = urllib.parse.urlencode({"token": token, **fields}).encode()
            return request(post, body, "POST", {"Content-Type": "application/x-www-form-urlencoded"})

        status, headers, _ = confirm(svar="kommer")
        assert status == 303 and headers["Location"].endswith("&sparat=1")
        status, _, page = request(local(d, headers["Location"]))
        assert "Tack! Ditt svar är registrerat" in page and "Ditt svar nu: <strong>Kommer</strong>" in page
        # A substitute needs a name; then a change of answer is kept as history.
        status, _, page = confirm(svar="ersattare", ersattare=" ")
        assert status == 422 and "Skriv ersättarens namn" in page
        assert confirm(svar="ersattare", ersattare="Biträdande kommundirektör <b>")[0] == 303
        status, _, page = request(coming)
        assert "Ersättare: Biträdande kommundirektör &lt;b&gt;" in page  # escaped
        show = json.loads(cli(run, d, "answers", MEETING, "--format", "json").stdout)
        kd = next(i for i in show["invitees"] if i["email"] == KD)
        assert [h["kind"] for h in kd["history"]] == ["coming", "substitute"]
        assert kd["answer"]["substitute"] == "Biträdande kommundirektör <b>" and kd["answer"]["via"] == "link"
        assert next(s for s in show["forecast"]["seats"] if s["municipality"] == "huddinge")["state"] == "represented"
        text = cli(run, d, "answers", MEETING).stdout
        assert "1 av 8 kommuner har anmält" in text and "Kommundirektör Huddinge (huddinge): Ersättare" in text
        # The secretariat records a phoned-in answer; the API shows the same document.
        # (Before today: the daemon records by the real clock, and the latest answer counts.)
        cli(run, d, "answers", "set", MEETING, "kd.sodertalje@example.org", "partial", "--part", "until:10:00",
            now="2026-11-01T10:00:00+01:00")
        api = urllib.request.Request(d.base + f"/api/v1/meetings/{MEETING}/answers",
                                     headers={"Authorization": f"Bearer {TOKEN}"})
        with urllib.request.urlopen(api, timeout=10) as response:
            document = json.loads(response.read())
        assert document["forecast"]["represented"] == 2
        sodertalje = next(i for i in document["invitees"] if i["email"] == "kd.sodertalje@example.org")
        assert sodertalje["answer"]["part"] == "until:10:00" and sodertalje["answer"]["via"] == "cli"
        assert request(d.base + f"/api/v1/meetings/{MEETING}/answers")[0] == 401
        put = urllib.request.Request(
            d.base + f"/api/v1/meetings/{MEETING}/answers/kd.sodertalje@example.org", method="PUT",
            data=json.dumps({"kind": "not-coming", "comment": "krock"}).encode(),
            headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"})
        with urllib.request.urlopen(put, timeout=10) as response:
            assert json.loads(response.read())["forecast"]["represented"] == 1
        # Wrong tokens are refused; a past meeting's link is gone.
        assert request(coming.replace(token, "0" * 64))[0] == 403
        assert confirm(svar="kommer")[0] == 303
        status, _, _ = request(post, urllib.parse.urlencode({"token": "x", "svar": "kommer"}).encode(), "POST")
        assert status == 403
        past = local(d, found[KD]["Jag kommer"]).replace(MEETING, "ledningsgruppen-2021-11-19")
        assert request(past)[0] == 403  # a token is bound to its meeting
        # The secretariat's own page token shows the answers; the public page does not.
        assert "Svar på kallelsen" not in d.get(f"/meetings/{MEETING}")[2].decode()
        # The minutes start from the answers.
        cli(run, d, "minutes", "start", MEETING)
        minutes = json.loads(cli(run, d, "minutes", "show", MEETING, "--format", "json").stdout)
        people = {p["name"]: p for p in minutes["attendance"]}
        assert people["Kommundirektör Huddinge"]["present"] is True
        assert people["Kommundirektör Södertälje"]["present"] is False
    finally:
        d.stop()
