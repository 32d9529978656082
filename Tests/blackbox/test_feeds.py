"""The exported feeds, read by parsers nobody here wrote: icalendar, the stricter ical and
sabre/vobject's vobjectvalidate (PHP)."""

import datetime as dt
import email
import email.policy
import shutil
import subprocess
import warnings
from pathlib import Path

import icalendar
import pytest
from ical.calendar_stream import IcsCalendarStream

UTC = dt.timezone.utc
FEEDS = [
    "all.ics", "ledningsgruppen.ics", "samarbetskommitten.ics", "radslag.ics", "sodertornskonferensen.ics",
    "nyckeltalsdagen.ics", "hosts.ics",
    *[f"municipality/{m}.ics" for m in
      ["botkyrka", "haninge", "huddinge", "nykvarn", "nynashamn", "salem", "sodertalje", "tyreso"]],
]
DOMAIN = "@kalendarium.sodertornskommunerna.se"
ORGANIZER = "ORGANIZER;CN=Södertörnskommunernas sekretariat:mailto:sekretariat@example.org"
# Debian's vobjectvalidate (php-sabre-vobject 2.1.7) looks for its autoloader beside the
# script's real path and fails through the /usr/bin symlink ("Composer autoloader could not
# be properly loaded"), so the autoloader is loaded first.
VOBJECT_AUTOLOAD = "/usr/share/php/Sabre/VObject/autoload.php"
VOBJECTVALIDATE = "/usr/bin/vobjectvalidate"


def vobjectvalidate(path: Path) -> list[str]:
    """What vobjectvalidate says of `path` beyond its banner and the good news; fails the
    test (never skips it) when PHP or sabre/vobject is missing."""
    php = shutil.which("php")
    if not php or not Path(VOBJECTVALIDATE).exists() or not Path(VOBJECT_AUTOLOAD).exists():
        pytest.fail("vobjectvalidate needs php-cli and php-sabre-vobject: run scripts/install-deps --test")
    result = subprocess.run([php, "-d", f"auto_prepend_file={VOBJECT_AUTOLOAD}", VOBJECTVALIDATE, str(path)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, (path, result.stdout, result.stderr)
    said = (result.stdout + result.stderr).splitlines()
    assert said[0].startswith("SabreTooth VObject validator "), said
    # One "iCalendar: 2.0" and one "[GOOD NEWS] No warnings!" per object, and nothing else.
    assert said[1:] == ["iCalendar: 2.0", "[GOOD NEWS] No warnings!"], (path, said)
    return said


@pytest.fixture(scope="module")
def exported(tmp_path_factory, kalendarium_bin):
    import subprocess
    from conftest import ROOT

    out = tmp_path_factory.mktemp("feeds")
    state = tmp_path_factory.mktemp("state")
    args = [kalendarium_bin, "export", "--out", str(out), "--state", str(state), "--now", "2026-11-23T09:00:00+01:00"]
    result = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return out, state, args


def test_export_writes_every_feed(exported):
    out, _, _ = exported
    for name in FEEDS:
        assert (out / name).is_file(), name


@pytest.mark.parametrize("name", FEEDS)
def test_icalendar_reads_each_feed_without_warnings_or_errors(exported, name):
    out, _, _ = exported
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        cal = icalendar.Calendar.from_ical((out / name).read_bytes())
    # The assertion is about what icalendar says of the feed. A ResourceWarning recorded
    # here is a leaked file collected meanwhile: issued again, not hidden (pytest.ini
    # makes it an error).
    said = [w for w in caught if not issubclass(w.category, ResourceWarning)]
    for w in caught:
        if issubclass(w.category, ResourceWarning):
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
    assert [str(w.message) for w in said] == []
    for component in cal.walk():
        assert component.errors == [], (name, component.name, component.errors)
    assert str(cal["METHOD"]) == "PUBLISH"
    assert str(cal["X-WR-TIMEZONE"]) == "Europe/Stockholm"
    assert str(cal["X-WR-CALNAME"]).startswith("Södertörnskommunerna – ")
    assert len(cal.walk("VTIMEZONE")) == 1
    for event in cal.walk("VEVENT"):
        assert str(event["UID"]).endswith(DOMAIN)
        assert str(event["ORGANIZER"]) == "mailto:sekretariat@example.org"
        assert event["ORGANIZER"].params["CN"] == "Södertörnskommunernas sekretariat"
    # The one address in a feed is the secretariat's functional ORGANIZER (RFC 5546
    # §3.2.1), once per event; nothing from recipients.yaml.
    lines = (out / name).read_bytes().decode().replace("\r\n ", "").split("\r\n")
    assert [line for line in lines if "mailto:" in line.lower()] == [ORGANIZER] * len(cal.walk("VEVENT"))
    assert "@example.org" not in "".join(line for line in lines if not line.startswith("ORGANIZER;"))


def test_the_export_writes_no_feed_the_tests_do_not_know(exported):
    out, _, _ = exported
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*.ics")) == sorted(FEEDS)


@pytest.mark.parametrize("name", FEEDS)
def test_vobjectvalidate_finds_nothing_to_warn_about_in_each_feed(exported, name):
    out, _, _ = exported
    vobjectvalidate(out / name)


def test_the_kallelse_invitation_passes_all_three_parsers(tmp_path, run):
    """The invitation a kallelse carries (remind into the default maildir; the body's
    text/calendar alternative), read like a feed."""
    state = tmp_path / "state"
    # A kallelse goes out with a published agenda.
    assert run("agenda", "publish", "samarbetskommitten-2021-09-02", "--state", str(state)).returncode == 0
    result = run("remind", "--state", str(state), "--now", "2021-08-30T08:00:00+02:00")
    assert result.returncode == 0, result.stdout + result.stderr
    attachments = []
    for path in sorted((state / "maildir" / "new").iterdir()):
        message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        attachments += [p.get_content() for p in message.walk() if p.get_content_type() == "text/calendar"]
    assert attachments, "no kallelse with an invitation"
    for index, text in enumerate(attachments):
        path = tmp_path / f"attachment-{index}.ics"
        path.write_bytes(text.encode() if isinstance(text, str) else text)
        vobjectvalidate(path)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            cal = icalendar.Calendar.from_ical(path.read_bytes())
            strict = IcsCalendarStream.calendar_from_ics(path.read_text(encoding="utf-8"))
        assert [str(w.message) for w in caught if not issubclass(w.category, ResourceWarning)] == []
        assert all(c.errors == [] for c in cal.walk())
        assert str(cal["METHOD"]) == "REQUEST" and len(strict.events) == 1
        event = cal.walk("VEVENT")[0]
        assert event["ATTENDEE"].params["RSVP"] == "TRUE"
        assert str(event["ORGANIZER"]) == "mailto:sekretariat@example.org"
        assert event["ORGANIZER"].params["CN"] == "Södertörnskommunernas sekretariat"
        uid = str(event["UID"]).removesuffix(DOMAIN)
        assert str(event["URL"]) == f"http://127.0.0.1:8080/#{uid}"


@pytest.mark.parametrize("name", FEEDS)
def test_strict_ical_reads_each_feed(exported, name):
    out, _, _ = exported
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        calendar = IcsCalendarStream.calendar_from_ics((out / name).read_text(encoding="utf-8"))
    assert [str(w.message) for w in caught] == []
    assert len(calendar.events) > 0
    uids = [e.uid for e in calendar.events]
    assert len(uids) == len(set(uids))


def utc_start(cal, uid):
    event = next(e for e in cal.walk("VEVENT") if str(e["UID"]) == uid + DOMAIN)
    return event.decoded("DTSTART").astimezone(UTC), event.decoded("DTEND").astimezone(UTC)


@pytest.mark.parametrize("uid, start_utc, end_utc", [
    # Winter (CET, +01:00) and summer (CEST, +02:00) on both sides of the 2019 spring change.
    ("ledningsgruppen-2019-03-08", "2019-03-08T07:30", "2019-03-08T10:00"),
    ("ledningsgruppen-2019-04-26", "2019-04-26T06:30", "2019-04-26T09:00"),
    # Both sides of the 2021 autumn change (31 October).
    ("samarbetskommitten-2021-10-28", "2021-10-28T10:00", "2021-10-28T13:30"),
    ("ledningsgruppen-2021-11-19", "2021-11-19T07:30", "2021-11-19T10:00"),
    # The evening extra meeting, winter.
    ("ledningsgruppen-2020-11-26", "2020-11-26T18:00", "2020-11-26T19:00"),
])
def test_local_times_convert_to_the_right_utc(exported, uid, start_utc, end_utc):
    out, _, _ = exported
    cal = icalendar.Calendar.from_ical((out / "all.ics").read_bytes())
    start, end = utc_start(cal, uid)
    assert start == dt.datetime.fromisoformat(start_utc).replace(tzinfo=UTC)
    assert end == dt.datetime.fromisoformat(end_utc).replace(tzinfo=UTC)
    strict = IcsCalendarStream.calendar_from_ics((out / "all.ics").read_text(encoding="utf-8"))
    event = next(e for e in strict.events if e.uid == uid + DOMAIN)
    assert event.start.astimezone(UTC) == dt.datetime.fromisoformat(start_utc).replace(tzinfo=UTC)


def test_two_day_and_all_day_events(exported):
    out, _, _ = exported
    cal = icalendar.Calendar.from_ical((out / "all.ics").read_bytes())
    planning = next(e for e in cal.walk("VEVENT") if str(e["UID"]).startswith("samarbetskommitten-2019-01-17"))
    assert planning.decoded("DTSTART").date() == dt.date(2019, 1, 17)
    assert planning.decoded("DTEND").date() == dt.date(2019, 1, 18)
    radslag = next(e for e in cal.walk("VEVENT") if str(e["UID"]).startswith("radslag-2019"))
    assert radslag.decoded("DTSTART") == dt.date(2019, 4, 10)
    assert radslag.decoded("DTEND") == dt.date(2019, 4, 11)
    nyckeltal = next(e for e in cal.walk("VEVENT") if str(e["UID"]).startswith("nyckeltalsdagen-2019"))
    assert str(nyckeltal["STATUS"]) == "TENTATIVE"


def test_lines_are_crlf_and_folded_at_75_octets(exported):
    out, _, _ = exported
    for name in FEEDS:
        data = (out / name).read_bytes()
        assert data.endswith(b"END:VCALENDAR\r\n")
        assert b"\n" not in data.replace(b"\r\n", b"")
        for line in data.split(b"\r\n"):
            assert len(line) <= 75, (name, line)
            line.decode("utf-8")  # no character cut in two


def test_second_export_is_byte_identical(exported):
    import subprocess
    from conftest import ROOT

    out, state, args = exported
    before = {n: (out / n).read_bytes() for n in FEEDS}
    later = [a if a != "2026-11-23T09:00:00+01:00" else "2026-12-01T09:00:00+01:00" for a in args]
    result = subprocess.run(later, cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert {n: (out / n).read_bytes() for n in FEEDS} == before


def test_cancelling_a_meeting_raises_sequence_in_the_feed(tmp_path, calendars_copy, run):
    state, out = tmp_path / "state", tmp_path / "out"
    base = ["export", "--calendars", str(calendars_copy), "--state", str(state), "--out", str(out)]
    # Cancelled before its day, 10 December 2020 (a cancellation leaves the feeds a month after it).
    assert run(*base, "--now", "2020-11-23T08:00:00Z").returncode == 0
    text = (calendars_copy / "2020.yaml").read_text()
    (calendars_copy / "2020.yaml").write_text(text.replace("    status: tentative\n", "    status: cancelled\n"))
    result = run(*base, "--now", "2020-11-24T08:00:00Z")
    assert result.returncode == 0, result.stderr
    cal = icalendar.Calendar.from_ical((out / "samarbetskommitten.ics").read_bytes())
    event = next(e for e in cal.walk("VEVENT") if str(e["UID"]) == "samarbetskommitten-2020-12-10" + DOMAIN)
    assert str(event["STATUS"]) == "CANCELLED"
    assert int(event["SEQUENCE"]) == 1
    assert event.decoded("LAST-MODIFIED") == dt.datetime(2020, 11, 24, 8, 0, tzinfo=UTC)
    other = next(e for e in cal.walk("VEVENT") if str(e["UID"]) == "samarbetskommitten-2019-02-07" + DOMAIN)
    assert int(other["SEQUENCE"]) == 0


def test_external_calendar_clash_is_reported_by_check(run):
    result = run("check")
    assert 'clashes with "Mälartinget" in regionala-handelser.ics [external-clash]' in result.stdout


def test_corrupt_revision_state_is_an_error_not_a_reset(tmp_path, run):
    (tmp_path / "state").mkdir()
    (tmp_path / "state" / "feed-revisions.json").write_text("{not json")
    result = run("export", "--out", str(tmp_path / "out"), "--state", str(tmp_path / "state"))
    assert result.returncode == 1
    assert "feed-revisions.json cannot be read" in result.stderr
