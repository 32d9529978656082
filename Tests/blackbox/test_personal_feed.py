"""A calendar of one's own (issue 17, point 4), on the built binary: each person's
`/calendars/person/{token}.ics` holds the meetings of their bodies with their own
answer in the SUMMARY, the conferences their roles attend and their open items' due
dates, with the same UIDs as the shared feeds; it passes the three validators, names
no one's address, answers with ETag/304/gzip like the other feeds, is linked from the
footer of every mail to the person, and a rotated token is refused at once."""

import email
import email.policy
import gzip
import sqlite3
import urllib.parse

import icalendar
from ical.calendar_stream import IcsCalendarStream

from test_feeds import ORGANIZER, vobjectvalidate
from test_serve import Daemon

KD = "kd.huddinge@example.org"
MEETING = "ledningsgruppen-2021-11-19"


def cli(run, daemon, *args, now="2026-12-02T10:00:00+01:00"):
    result = run(*args, "--calendars", str(daemon.dir), "--state", str(daemon.state), "--now", now)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def feed_path(run, daemon, email_address):
    url = cli(run, daemon, "people", "link", email_address).stdout.strip()
    # The CLI's page address is its own settings' (here the default), not the daemon's flag.
    assert url.startswith("http://127.0.0.1:8080/calendars/person/") and url.endswith(".ics"), url
    return urllib.parse.urlparse(url).path


def test_a_person_has_a_calendar_of_their_own(kalendarium_bin, run, tmp_path):
    d = Daemon(kalendarium_bin, tmp_path, "--page-url", "http://127.0.0.1/")
    d.state = tmp_path / "state"
    try:
        added = cli(run, d, "items", "add", "--title", "Underlag till budgeten", "--body", "ledningsgruppen",
                    "--owner", "person:Kommundirektör Huddinge", "--due", "2027-02-15")
        cli(run, d, "items", "add", "--title", "Någon annans ärende", "--body", "ledningsgruppen",
            "--owner", "person:Kommundirektör Södertälje", "--due", "2027-02-16")
        assert "Underlag till budgeten" in added.stdout
        # An answer, as the confirmed link records it.
        with sqlite3.connect(d.state / "kalendarium.sqlite") as db:
            db.execute("INSERT INTO answer (meeting, email, kind, via, at) VALUES (?, ?, 'not-coming', 'link', ?)",
                       (MEETING, KD, 1_796_000_000))
        path = feed_path(run, d, KD)
        assert feed_path(run, d, KD.upper()) == path  # one link per person
        status, headers, body = d.get(path)
        assert status == 200, body
        assert headers["Content-Type"] == "text/calendar; charset=utf-8"
        assert headers["Cache-Control"].startswith("private")
        out = tmp_path / "person.ics"
        out.write_bytes(body)

        cal = icalendar.Calendar.from_ical(body)
        for component in cal.walk():
            assert component.errors == [], (component.name, component.errors)
        IcsCalendarStream.calendar_from_ics(body.decode("utf-8"))
        vobjectvalidate(out)
        assert str(cal["X-WR-CALNAME"]) == "Södertörnskommunerna – Min kalender (Kommundirektör Huddinge)"
        events = {str(e["UID"]).split("@")[0]: e for e in cal.walk("VEVENT")}
        # The marked meeting, with the UID and SEQUENCE of the body's feed.
        assert str(events[MEETING]["SUMMARY"]).endswith("(förhinder anmält)"), events[MEETING]["SUMMARY"]
        shared = icalendar.Calendar.from_ical(d.get("/calendars/ledningsgruppen.ics")[2])
        lg = {str(e["UID"]).split("@")[0]: e for e in shared.walk("VEVENT")}
        assert int(lg[MEETING]["SEQUENCE"]) == int(events[MEETING]["SEQUENCE"])
        assert str(lg[MEETING]["SUMMARY"]) + " (förhinder anmält)" == str(events[MEETING]["SUMMARY"])
        assert set(lg) <= set(events)  # every meeting of ledningsgruppen
        # The committee, which kommundirektörer attend, and the conferences their role goes to.
        assert any(uid.startswith("samarbetskommitten-") for uid in events)
        assert any(uid.startswith("radslag-") for uid in events)
        # Their own item's due date as an all-day event; not someone else's.
        items = [e for uid, e in events.items() if uid.startswith("item-")]
        assert [str(e["SUMMARY"]) for e in items] == ["Klart senast: Underlag till budgeten"]
        assert items[0].decoded("DTSTART").isoformat() == "2027-02-15"
        assert str(items[0]["TRANSP"]) == "TRANSPARENT"
        # No one's address: the ORGANIZER is the secretariat's functional mailbox.
        lines = body.decode().replace("\r\n ", "").split("\r\n")
        assert [line for line in lines if "mailto:" in line.lower()] == [ORGANIZER] * len(events)
        assert "@example.org" not in "".join(line for line in lines if not line.startswith("ORGANIZER;"))

        # Validators and gzip like the other feeds.
        etag = headers["ETag"]
        assert d.get(path, {"If-None-Match": etag})[0] == 304
        status, zipped_headers, zipped = d.get(path, {"Accept-Encoding": "gzip"})
        assert status == 200 and zipped_headers["Content-Encoding"] == "gzip"
        assert gzip.decompress(zipped) == body and zipped_headers["ETag"] != etag
        # A changed answer changes the feed (and its ETag) at once.
        with sqlite3.connect(d.state / "kalendarium.sqlite") as db:
            db.execute("INSERT INTO answer (meeting, email, kind, via, at) VALUES (?, ?, 'coming', 'link', ?)",
                       (MEETING, KD, 1_796_000_600))
        status, _, changed = d.get(path, {"If-None-Match": etag})
        assert status == 200
        again = icalendar.Calendar.from_ical(changed)
        marked = next(e for e in again.walk("VEVENT") if str(e["UID"]).startswith(MEETING))
        assert str(marked["SUMMARY"]).endswith("(anmäld)")

        # Every mail to the person has the link in its footer.
        cli(run, d, "remind", "--mail", f"maildir:{tmp_path / 'maildir'}", now="2027-02-08T08:30:00+01:00")
        mails = [email.message_from_bytes(p.read_bytes(), policy=email.policy.default)
                 for p in (tmp_path / "maildir" / "new").iterdir()]
        to_kd = [m for m in mails if KD in m["To"]]
        assert to_kd, [m["To"] for m in mails]
        for m in to_kd:
            text = m.get_body(("plain",)).get_content().replace("\r\n", "\n")
            assert f"Din egen kalender med dina möten och ärenden: http://127.0.0.1:8080{path}\n" in text, text

        # A rotated token is refused at once; the new link works.
        rotated = cli(run, d, "people", "rotate-token", KD).stdout
        new_path = urllib.parse.urlparse(rotated.strip().splitlines()[-1]).path
        assert new_path != path
        assert d.get(path)[0] == 404
        assert d.get(new_path)[0] == 200
        # Unknown tokens and people not in recipients.yaml have no calendar.
        assert d.get("/calendars/person/" + "0" * 64 + ".ics")[0] == 404
        assert d.get("/calendars/person/nonsense")[0] == 404
        unknown = run("people", "link", "nobody@example.org", "--calendars", str(d.dir), "--state", str(d.state))
        assert unknown.returncode == 1 and "is not in" in unknown.stderr
    finally:
        d.stop()
