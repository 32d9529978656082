"""What each client needs beyond RFC 5545 (README, "export"), read back by icalendar and
ical from exported files: the cancellation in the text (Outlook), old cancellations out of
the feeds with their SEQUENCE kept (Apple), ORGANIZER (RFC 5546), RFC 7986's properties."""

import datetime as dt

import icalendar
from ical.calendar_stream import IcsCalendarStream

from test_feeds import DOMAIN, vobjectvalidate

UID = "samarbetskommitten-2020-12-10"


def cancel(calendars, extra=""):
    """Cancels the committee's meeting of 10 December 2020 (shipped as tentative)."""
    text = (calendars / "2020.yaml").read_text()
    assert "    status: tentative\n    # source: 003" in text
    (calendars / "2020.yaml").write_text(
        text.replace("    status: tentative\n    # source: 003", f"    status: cancelled\n{extra}    # source: 003", 1))


def event(out, name, uid=UID):
    cal = icalendar.Calendar.from_ical((out / name).read_bytes())
    return next((e for e in cal.walk("VEVENT") if str(e["UID"]) == uid + DOMAIN), None)


def test_a_cancelled_meeting_says_when_and_why_in_its_description(tmp_path, calendars_copy, run):
    cancel(calendars_copy, '    cancelled-on: 2020-11-20\n    cancelled-reason: "Budgeten behandlas i januari"\n')
    out = tmp_path / "out"
    result = run("export", "--calendars", str(calendars_copy), "--state", str(tmp_path / "state"),
                 "--out", str(out), "--now", "2020-11-24T08:00:00Z")
    assert result.returncode == 0, result.stderr
    e = event(out, "samarbetskommitten.ics")
    assert str(e["STATUS"]) == "CANCELLED" and str(e["SUMMARY"]) == "INSTÄLLT: Samarbetskommittén"
    assert str(e["DESCRIPTION"]).split("\n")[0] == (
        "Mötet är inställt (beslutat 20 november 2020): Budgeten behandlas i januari.")
    strict = IcsCalendarStream.calendar_from_ics((out / "samarbetskommitten.ics").read_text(encoding="utf-8"))
    assert next(x for x in strict.events if x.uid == UID + DOMAIN).description.startswith("Mötet är inställt (")
    vobjectvalidate(out / "samarbetskommitten.ics")


def test_an_old_cancellation_leaves_the_feeds_and_a_new_plan_gets_a_higher_sequence(tmp_path, calendars_copy, run):
    out, state = tmp_path / "out", tmp_path / "state"

    def export(now, *extra):
        result = run("export", "--calendars", str(calendars_copy), "--state", str(state), "--out", str(out),
                     "--now", now, *extra)
        assert result.returncode == 0, result.stderr

    export("2020-11-23T08:00:00Z")
    cancel(calendars_copy)
    export("2020-11-24T08:00:00Z")
    assert int(event(out, "all.ics")["SEQUENCE"]) == 1
    export("2021-01-09T12:00:00+01:00")  # 30 days after: still there
    assert event(out, "all.ics") is not None
    export("2021-01-10T00:00:00+01:00")  # 31 days after: gone from every feed
    for path in out.rglob("*.ics"):
        assert UID not in path.read_text(encoding="utf-8"), path
    # A shorter cut-off is a setting (a flag here).
    export("2020-12-12T08:00:00Z", "--keep-cancelled-days", "1")
    assert event(out, "all.ics") is None
    # Planned again on that day: back with a SEQUENCE above the cancellation's.
    text = (calendars_copy / "2020.yaml").read_text()
    (calendars_copy / "2020.yaml").write_text(text.replace("    status: cancelled\n", "", 1))
    export("2021-01-11T08:00:00Z")
    again = event(out, "samarbetskommitten.ics")
    assert str(again["STATUS"]) == "CONFIRMED" and int(again["SEQUENCE"]) == 2
    assert again.decoded("LAST-MODIFIED") == dt.datetime(2021, 1, 11, 8, 0, tzinfo=dt.timezone.utc)


def test_rfc_7986_properties_colours_and_links(tmp_path, run):
    out = tmp_path / "out"
    result = run("export", "--state", str(tmp_path / "state"), "--out", str(out), "--now", "2026-11-23T09:00:00+01:00",
                 "--page-url", "https://kalendarium.example.org/", "--organizer", "kansliet@sodertorn.example",
                 "--organizer-name", "Södertörnskommunernas kansli")
    assert result.returncode == 0, result.stderr
    cal = icalendar.Calendar.from_ical((out / "ledningsgruppen.ics").read_bytes())
    assert str(cal["NAME"]) == "Södertörnskommunerna – Ledningsgruppen"
    assert str(cal["DESCRIPTION"]) == "Mötena i ledningsgruppen."
    assert str(cal["URL"]) == "https://kalendarium.example.org/"
    assert str(cal["SOURCE"]) == "https://kalendarium.example.org/calendars/ledningsgruppen.ics"
    assert cal.decoded("REFRESH-INTERVAL") == dt.timedelta(hours=1)
    assert str(cal["COLOR"]) == "teal" and str(cal["METHOD"]) == "PUBLISH"
    e = event(out, "ledningsgruppen.ics", "ledningsgruppen-2021-05-07")
    assert str(e["COLOR"]) == "teal"
    assert str(e["URL"]) == "https://kalendarium.example.org/#ledningsgruppen-2021-05-07"
    assert str(e["ORGANIZER"]) == "mailto:kansliet@sodertorn.example"
    assert e["ORGANIZER"].params["CN"] == "Södertörnskommunernas kansli"
    konferensen = event(out, "all.ics", "sodertornskonferensen-2021")
    assert str(konferensen["COLOR"]) == "seagreen"
    # The conference of 2020, held in spring 2021, names 2020's hosts.
    assert "Värdkommuner: Botkyrka och Salem." in str(konferensen["DESCRIPTION"])
    hosts = event(out, "hosts.ics", "hosts-radslag-2027")
    assert str(hosts["URL"]) == "https://kalendarium.example.org/#vardkommuner"
    assert str(hosts["COLOR"]) == "darkorange"
    strict = IcsCalendarStream.calendar_from_ics((out / "municipality/salem.ics").read_text(encoding="utf-8"))
    assert strict.prodid and len(strict.events) > 0
    for path in out.rglob("*.ics"):
        vobjectvalidate(path)


def test_a_bad_organizer_is_an_error_that_says_what_to_give(tmp_path, run):
    result = run("export", "--state", str(tmp_path / "state"), "--out", str(tmp_path / "out"),
                 "--organizer", "Helene Olofsson")
    assert result.returncode != 0
    assert 'organizer "Helene Olofsson" is not an e-mail address' in result.stderr
