"""`kalendarium plan` and `kalendarium extra`, as the secretariat uses them."""

import icalendar


def test_plan_2027_is_accepted_by_check_with_no_warnings(run, calendars_copy):
    result = run("plan", "2027", "--calendars", str(calendars_copy), "--out", str(calendars_copy / "2027.yaml"))
    assert result.returncode == 0, result.stderr
    assert "wrote 16 meetings" in result.stderr
    text = (calendars_copy / "2027.yaml").read_text()
    assert text.startswith("# Kalendarium 2027: proposed by `kalendarium plan 2027`")
    assert "  # prepares Samarbetskommittén's meeting of" in text
    check = run("check", "--calendars", str(calendars_copy))
    assert check.returncode == 0
    # The plan keeps every rule; only the chairs, which no plan can know, are missing.
    assert "Add Ledningsgruppen's chairs for 2027 to bodies.yaml" in text
    others = [line for line in check.stdout.splitlines() if " 2027" in line and "[no-chair]" not in line]
    assert others == [], check.stdout


def test_plan_is_deterministic_and_printed_without_out(run):
    a = run("plan", "2030")
    b = run("plan", "2030")
    assert a.returncode == 0 and a.stdout == b.stdout
    assert "conference: radslag" in a.stdout and "municipality: tyreso" in a.stdout


def test_plan_diff_against_existing_meetings(run):
    result = run("plan", "2021", "--diff")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "--- calendars/2021.yaml (in the data: 13 meetings)"
    assert any(l.startswith("  2021-09-02 Thu 12:00–15:30  Samarbetskommittén @ Salem") for l in lines)
    assert any(l.startswith("+ ") for l in lines)


def test_extra_meeting_flows_into_data_and_feeds(run, calendars_copy, tmp_path):
    result = run("extra", "--calendars", str(calendars_copy), "--body", "ledningsgruppen", "--date", "2021-12-02",
                 "--time", "19:00", "--digital", "Teams", "--note", "Kallat av ordföranden")
    assert result.returncode == 0, result.stderr
    assert "added ledningsgruppen-2021-12-02" in result.stdout
    assert "kind: extra" in (calendars_copy / "2021.yaml").read_text()
    export = run("export", "--calendars", str(calendars_copy), "--out", str(tmp_path / "out"),
                 "--state", str(tmp_path / "state"))
    assert export.returncode == 0, export.stderr
    cal = icalendar.Calendar.from_ical((tmp_path / "out" / "ledningsgruppen.ics").read_bytes())
    event = next(e for e in cal.walk("VEVENT") if str(e["UID"]).startswith("ledningsgruppen-2021-12-02@"))
    assert str(event["SUMMARY"]) == "Ledningsgruppen – extra möte"
    # Ends after the body's usual 2 h 30 min, as no end was given.
    assert (event.decoded("DTEND") - event.decoded("DTSTART")).seconds == 150 * 60


def test_extra_meeting_that_would_break_the_data_is_not_written(run, calendars_copy):
    before = (calendars_copy / "2021.yaml").read_text()
    result = run("extra", "--calendars", str(calendars_copy), "--body", "ledningsgruppen", "--date", "2021-10-08",
                 "--time", "08:30-11:00")
    assert result.returncode == 1
    assert "duplicate-meeting" in result.stderr and "nothing written" in result.stderr
    assert (calendars_copy / "2021.yaml").read_text() == before
    unknown = run("extra", "--calendars", str(calendars_copy), "--body", "ledningsgrupp", "--date", "2021-12-02",
                  "--time", "19:00")
    assert unknown.returncode != 0 and 'did you mean "ledningsgruppen"' in unknown.stderr
