"""The foundation commands: `check` and `rotation`."""

import csv
import io
import json
import re

SEED_RADSLAG = {
    2019: ["salem"], 2020: ["nynashamn"], 2021: ["botkyrka"], 2022: ["tyreso"],
    2023: ["sodertalje"], 2024: ["haninge"], 2025: ["nykvarn"], 2026: ["huddinge"],
}
SEED_KONFERENSEN = {
    2019: ["nynashamn", "haninge"], 2020: ["botkyrka", "salem"],
    2021: ["huddinge", "tyreso"], 2022: ["sodertalje", "nykvarn"],
}


def test_check_on_shipped_calendars_exits_0_and_prints_real_deviations(run):
    result = run("check")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "2019-11-29 samarbetskommitten: held on a Friday; Samarbetskommittén meets on Thursdays [weekday]" in out
    assert "2021-08-20 ledningsgruppen: held 08:30–10:15" in out
    assert "calendars/2019.yaml:" in out
    # Ledningsgruppen meets between two committee meetings, as the 2019 kalendarium plans:
    # only 29 November 2019 lacks its preparation.
    assert [line.split(": ")[2] for line in out.splitlines() if line.endswith("[preparation]")] == [
        "2019-11-29 samarbetskommitten"]
    assert out.strip().endswith("0 errors, 5 warnings in calendars")


def test_check_json_is_machine_readable(run):
    result = run("check", "--format", "json")
    assert result.returncode == 0
    report = json.loads(result.stdout)
    assert report["ok"] is True and report["errors"] == []
    rules = {(w["date"] or str(w["year"]), w["subject"], w["rule"]) for w in report["warnings"]}
    assert ("2019-11-29", "samarbetskommitten", "weekday") in rules
    assert ("2021", "samarbetskommitten", "no-chair") in rules
    first = report["warnings"][0]
    assert {"file", "line", "column", "message", "severity"} <= first.keys()


def test_broken_yaml_gives_located_error_and_exit_1(run, calendars_copy):
    (calendars_copy / "2021.yaml").write_text("meetings:\n  - body: ledningsgruppen\n    date: [2021-01-22\n")
    result = run("check", "--calendars", str(calendars_copy))
    assert result.returncode == 1
    assert f"{calendars_copy}/2021.yaml:4:1: error: malformed YAML" in result.stderr
    assert "Traceback" not in result.stderr and "Fatal error" not in result.stderr


def test_unknown_body_error_in_json(run, calendars_copy):
    (calendars_copy / "2021.yaml").write_text("meetings:\n  - body: ledningsgrupp\n    date: 2021-01-22\n")
    result = run("check", "--calendars", str(calendars_copy), "--format", "json")
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["ok"] is False
    assert report["errors"][0]["message"] == 'unknown body "ledningsgrupp" (did you mean "ledningsgruppen"?)'
    assert (report["errors"][0]["line"], report["errors"][0]["column"]) == (2, 5)


def test_binary_garbage_is_an_error_not_a_crash(run, calendars_copy):
    (calendars_copy / "2019.yaml").write_bytes(b"\xff\xfe\x00meetings: \x00\x01")
    result = run("check", "--calendars", str(calendars_copy))
    assert result.returncode == 1
    assert "2019.yaml:1:1: error:" in result.stderr


def test_rotation_json_gives_seed_hosts_and_a_consistent_cycle(run):
    result = run("rotation", "--from", "2019", "--to", "2040", "--format", "json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    by = {(r["conference"], r["year"]): r for r in rows}
    for year, hosts in SEED_RADSLAG.items():
        assert by[("radslag", year)]["hosts"] == hosts
    for year, hosts in SEED_KONFERENSEN.items():
        assert by[("sodertornskonferensen", year)]["hosts"] == hosts
    for year in range(2027, 2041):
        assert by[("radslag", year)]["hosts"] == SEED_RADSLAG[2019 + (year - 2019) % 8]
        assert by[("sodertornskonferensen", year)]["hosts"] == SEED_KONFERENSEN[2019 + (year - 2019) % 4]
    assert all(r["reason"] for r in rows)
    assert by[("radslag", 2030)]["reason"] == "cycle position 4 of 8 (turn order recorded 2019–2026)"
    assert by[("nyckeltalsdagen", 2021)]["network"] == "ekonomicheferna"
    assert ("nyckeltalsdagen", 2020) not in by


def test_rotation_one_conference_as_csv(run):
    result = run("rotation", "--from", "2027", "--to", "2030", "--conference", "sodertornskonferensen", "--format", "csv")
    assert result.returncode == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["hosts"] for r in rows] == ["nynashamn;haninge", "botkyrka;salem", "huddinge;tyreso", "sodertalje;nykvarn"]


def test_rotation_with_a_municipality_leaving_and_a_swap(run, calendars_copy):
    m = (calendars_copy / "municipalities.yaml").read_text()
    m = m.replace("  - slug: tyreso\n    name: Tyresö\n    member-from: 2000\n",
                  "  - slug: tyreso\n    name: Tyresö\n    member-from: 2000\n    member-until: 2029\n")
    (calendars_copy / "municipalities.yaml").write_text(m)
    c = (calendars_copy / "conferences.yaml").read_text()
    # After Rådslag's last history line (which carries its source as a trailing comment).
    c = re.sub(r"(      2026: \[huddinge\][^\n]*\n)",
               r"\1    overrides:\n      - swap: [2027, 2028]\n        note: Salem renoverar\n", c, count=1)
    (calendars_copy / "conferences.yaml").write_text(c)
    result = run("rotation", "--from", "2027", "--to", "2036", "--conference", "radslag", "--format", "json",
                 "--calendars", str(calendars_copy))
    assert result.returncode == 0, result.stderr
    hosts = {r["year"]: r["hosts"] for r in json.loads(result.stdout)}
    assert hosts[2027] == ["nynashamn"] and hosts[2028] == ["salem"]
    assert hosts[2030] == ["sodertalje"]  # Tyresö's turn passes to the next in order
    assert all(h != ["tyreso"] for y, h in hosts.items() if y >= 2030)


def test_rotation_unknown_conference_suggests(run):
    result = run("rotation", "--from", "2019", "--to", "2020", "--conference", "radslaget")
    assert result.returncode != 0
    assert 'unknown conference "radslaget" (did you mean "radslag"?)' in result.stderr


def test_rotation_table_has_reasons(run):
    result = run("rotation", "--from", "2026", "--to", "2027", "--conference", "radslag")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["year", "conference", "hosts", "status", "reason"]
    assert "Huddinge" in lines[1] and "recorded in the documents" in lines[1]
    assert "Salem" in lines[2] and "cycle position 1 of 8" in lines[2]


def test_conference_years_2020_2021_are_as_the_seeds_say(run):
    # Seed 003: ledningsgruppen decided on 2020-11-20 to hold a Södertörnskonferensen in spring 2021,
    # digitally; seed 002 (2021-08-20): it was held digitally. Nothing is known of Rådslag 2020–21.
    result = run("rotation", "--from", "2019", "--to", "2022", "--format", "json")
    assert result.returncode == 0, result.stderr
    by = {(r["conference"], r["year"]): r for r in json.loads(result.stdout)}
    moved = by[("sodertornskonferensen", 2020)]
    assert moved["hosts"] == ["botkyrka", "salem"]
    assert moved["moved_to"] == {"year": 2021, "season": "spring"}
    assert moved["status"] == "digital"
    assert "moved to spring 2021" in moved["reason"] and "held digitally" in moved["reason"]
    assert by[("sodertornskonferensen", 2021)]["moved_to"] is None
    assert by[("sodertornskonferensen", 2021)]["status"] == "held"
    for year in range(2019, 2023):
        assert by[("radslag", year)]["status"] == "held", year
        assert by[("radslag", year)]["moved_to"] is None
    assert [r for r in by.values() if r["status"] == "digital"] == [moved]
    table = run("rotation", "--from", "2020", "--to", "2020", "--conference", "sodertornskonferensen").stdout
    assert "moved to spring 2021" in table


def test_rotation_preview_with_a_leaver(run):
    # Notice received 10 May 2030: counted from 1 June 2030, Salem's last day is 31 May 2031.
    result = run("rotation", "--leave", "salem", "--notice-received", "2030-05-10", "--format", "json")
    assert result.returncode == 0, result.stderr
    assert "counted from 2030-06-01" in result.stderr and "last day as a member 2031-05-31" in result.stderr
    rows = json.loads(result.stdout)
    by = {(r["conference"], r["year"]): r for r in rows}
    assert min(r["year"] for r in rows) == 2030 and max(r["year"] for r in rows) == 2039
    # Rådslag is in spring: Salem is still a member for 2031 and the order only changes at Salem's next turn.
    assert [y for y in range(2030, 2040) if by[("radslag", y)]["changed"]] == list(range(2035, 2040))
    assert by[("radslag", 2035)]["hosts_before"] == ["salem"] and by[("radslag", 2035)]["hosts"] == ["nynashamn"]
    assert by[("radslag", 2032)]["reason"] == "turn 1 of 7 since Salem left in 2031"
    assert by[("radslag", 2030)]["reason"] == "cycle position 4 of 8 (turn order recorded 2019–2026)"
    # Södertörnskonferensen is in autumn: from 2031 on Salem is no longer there to host.
    assert by[("sodertornskonferensen", 2031)]["changed"] is False
    assert by[("sodertornskonferensen", 2031)]["reason"] == "turns 1–2 of 7 since Salem left in 2031"
    assert by[("sodertornskonferensen", 2032)]["changed"] is True
    assert by[("sodertornskonferensen", 2032)]["hosts"] == ["botkyrka", "huddinge"]
    assert all("salem" not in r["hosts"] for r in rows if r["year"] >= 2032)
    assert by[("nyckeltalsdagen", 2031)]["changed"] is False

    table = run("rotation", "--leave", "salem", "--notice-received", "2030-05-10", "--conference", "radslag",
                "--from", "2034", "--to", "2035")
    assert table.returncode == 0, table.stderr
    lines = table.stdout.splitlines()
    assert lines[0].split() == ["year", "conference", "hosts", "before", "status", "reason"]
    assert lines[1].split()[:4] == ["2034", "radslag", "Huddinge", "same"]
    assert lines[2].split()[:4] == ["2035", "radslag", "Nynäshamn", "Salem"]
    csv_rows = list(csv.DictReader(io.StringIO(run(
        "rotation", "--leave", "salem", "--notice-received", "2030-05-10", "--format", "csv").stdout)))
    assert {"hosts_before", "changed", "moved_to"} <= csv_rows[0].keys()


def test_rotation_preview_errors_say_what_to_fix(run, calendars_copy):
    unknown = run("rotation", "--leave", "salme", "--notice-received", "2030-05-10")
    assert unknown.returncode != 0
    assert 'unknown municipality "salme" (did you mean "salem"?)' in unknown.stderr
    bad_date = run("rotation", "--leave", "salem", "--notice-received", "2030-13-01")
    assert bad_date.returncode != 0
    assert '--notice-received "2030-13-01" is not a date; write it as YYYY-MM-DD' in bad_date.stderr
    alone = run("rotation", "--leave", "salem")
    assert alone.returncode != 0 and "--leave needs --notice-received" in alone.stderr
    nothing = run("rotation")
    assert nothing.returncode != 0 and "give --from YEAR and --to YEAR" in nothing.stderr
    m = (calendars_copy / "municipalities.yaml").read_text()
    m = m.replace("  - slug: salem\n    name: Salem\n    member-from: 2000\n",
                  "  - slug: salem\n    name: Salem\n    member-from: 2000\n    member-until: 2029-05-31\n")
    (calendars_copy / "municipalities.yaml").write_text(m)
    left = run("rotation", "--leave", "salem", "--notice-received", "2030-05-10", "--calendars", str(calendars_copy))
    assert left.returncode != 0
    assert "salem already left: municipalities.yaml says member-until 2029-05-31" in left.stderr
