"""Recurring items (issue 14, point 3): the member fee repeats every 15 March (agreement
§ 8), closing one occurrence creates the next, and reminders reach each occurrence."""

import json

from conftest import ROOT
from smtp_sink import Server

FROM = "Södertörnskommunernas kansli <kansli@example.org>"
MUNICIPALITIES = ["botkyrka", "haninge", "huddinge", "nykvarn", "nynashamn", "salem", "sodertalje", "tyreso"]


def items(run, state, *args):
    result = run("items", "list", "--state", str(state), "--format", "json", *args)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_the_shipped_fee_is_one_yearly_item_per_municipality(run, tmp_path):
    state = tmp_path / "state"
    imported = run("items", "import", str(ROOT / "data/items-from-agreement.yaml"), "--state", str(state))
    assert imported.returncode == 0, imported.stderr
    fees = [i for i in items(run, state) if "medlemsavgiften" in i["title"]]
    assert sorted(o for i in fees for o in i["owners"]) == [f"municipality:{m}" for m in MUNICIPALITIES]
    for fee in fees:
        assert fee["recurrence"] == "yearly 03-15"
        assert fee["due"] == "2027-03-15"
        assert fee["series"] == fee["id"] and fee["previous"] is None
        assert fee["body"] == "samarbetskommitten"
        assert "efter faktura från Huddinge kommun" in fee["description"]
    # Importing again adds nothing, recurring or not.
    again = run("items", "import", str(ROOT / "data/items-from-agreement.yaml"), "--state", str(state))
    assert "imported 0 of" in again.stdout


def test_closing_an_occurrence_creates_the_next_and_its_reminder_goes_out(run, tmp_path):
    state = tmp_path / "state"
    run("items", "import", str(ROOT / "data/items-from-agreement.yaml"), "--state", str(state))
    huddinge = next(i for i in items(run, state) if i["owners"] == ["municipality:huddinge"])
    close = run("items", "close", str(huddinge["id"]), "--state", str(state), "--note", "Betald")
    assert close.returncode == 0, close.stderr
    assert "next occurrence #" in close.stdout and "due 2028-03-15" in close.stdout

    series = items(run, state, "--series", str(huddinge["id"]))
    assert [(i["due"], i["status"]) for i in series] == [("2027-03-15", "done"), ("2028-03-15", "open")]
    nxt = series[1]
    assert nxt["previous"] == huddinge["id"] and nxt["series"] == huddinge["id"]
    assert nxt["history"][0]["text"] == f"Ny förekomst när #{huddinge['id']} (förfallodag 2027-03-15) stängdes"

    # A week before the next due date, Huddinge's kommundirektör is reminded of it.
    server = Server().start()
    try:
        sent = run("remind", "--state", str(state), "--now", "2028-03-08T08:30:00+01:00", "--mail-from", FROM,
                   "--mail", f"smtp://127.0.0.1:{server.port}?starttls=never&timeout=5")
        assert sent.returncode == 0, sent.stdout + sent.stderr
        to_kd = [m for m in server.sink.messages if "kd.huddinge@example.org" in m["To"]]
        assert len(to_kd) == 1
        body = to_kd[0].get_body(("plain",)).get_content()
        assert "Huddinge betalar medlemsavgiften" in body
        assert "varje år den 15 mars" in body
    finally:
        server.stop()


def test_a_cancelled_occurrence_ends_the_series(run, tmp_path):
    state = str(tmp_path / "state")
    add = run("items", "add", "--state", state, "--title", "Månadsrapport", "--body", "ledningsgruppen",
              "--owner", "role:kansli", "--due", "2027-01-29", "--recurrence", "monthly last-working-day",
              "--format", "json")
    assert add.returncode == 0, add.stderr
    item = json.loads(add.stdout)
    assert item["recurrence"] == "monthly last-working-day"
    close = run("items", "close", str(item["id"]), "--state", state, "--cancelled")
    assert "the series ends here" in close.stdout
    assert len(items(run, state, "--series", str(item["id"]))) == 1


def test_recurrence_mistakes_say_what_to_write(run, tmp_path):
    state = str(tmp_path / "state")
    base = ["items", "add", "--state", state, "--title", "Avgift", "--body", "samarbetskommitten",
            "--owner", "municipality:salem"]
    bad = run(*base, "--due", "2027-03-15", "--recurrence", "every march")
    assert bad.returncode != 0 and "write yearly MM-DD" in bad.stderr
    no_due = run(*base, "--recurrence", "yearly 03-15")
    assert no_due.returncode != 0 and "needs a due date" in no_due.stderr
    off_day = run(*base, "--due", "2027-03-14", "--recurrence", "yearly 03-15")
    assert off_day.returncode != 0 and "the next one is 2027-03-15" in off_day.stderr
    assert items(run, state) == []


def test_a_recurring_file_entry_with_a_bad_rule_is_located(run, tmp_path):
    bad = tmp_path / "items.yaml"
    bad.write_text("items:\n  - title: Avgift\n    body: samarbetskommitten\n    owners: [municipality:salem]\n"
                   "    due: 2027-03-15\n    recurrence: yearly 3-15\n")
    result = run("items", "import", str(bad), "--state", str(tmp_path / "state"))
    assert result.returncode == 1
    assert "items.yaml:6" in result.stderr and "is not a day as MM-DD" in result.stderr
