"""The foundation commands: `check` and `rotation`."""

import csv
import io
import json

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
    c = c.replace("    overrides:\n      - year: 2020\n        digital: true\n        note: \"2020–2021 gick konferenserna digitalt (pandemin)\"\n      - year: 2021\n        digital: true\n        note: \"2020–2021 gick konferenserna digitalt (pandemin)\"\n",
                  "    overrides:\n      - swap: [2027, 2028]\n        note: Salem renoverar\n", 1)
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
