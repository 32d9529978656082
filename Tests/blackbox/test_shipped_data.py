"""The shipped data is true to the documents: every fact names its source and quotes
it as the document has it, every value the documents do not give is marked as an
assumption, and `check` finds only the deviations the documents themselves hold."""

import json
import re
from pathlib import Path

from conftest import ROOT

SEEDS = ROOT / "docs/seeds"
# The first line of each entry that is a fact of its own.
ENTRY = re.compile(r"^\s*- (body|conference|slug|title|name):|^\s+(\d{4}):\s*(\[|$)")


def notes(run, kind: str) -> list[dict]:
    result = run("check", f"--{kind}", "--format", "json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["directories"] == ["calendars", "data"]
    assert {n["kind"] for n in report["notes"]} <= {kind.rstrip("s")}
    return report["notes"]


def normalized(text: str) -> str:
    return " ".join(text.split())


def test_every_source_quote_is_in_the_document_it_names(run):
    sources = notes(run, "sources")
    assert len(sources) > 60
    texts = {path.name: normalized(path.read_text()) for path in SEEDS.glob("*.txt")}
    assert len(texts) == 3
    for note in sources:
        where = f'{note["file"]}:{note["line"]}'
        document = re.search(r"\d{3}_[0-9a-f]+\.txt", note["text"])
        document = document.group(0) if document else note["text"]
        assert document in texts, f"{where}: names no document of docs/seeds: {note['text']}"
        quotes = re.findall(r'"([^"]+)"', note["text"])
        assert quotes, f"{where}: a source quotes the document's words: {note['text']}"
        for quote in quotes:
            assert normalized(quote) in texts[document], f'{where}: "{quote}" is not in {document}'


def test_every_fact_in_calendars_and_data_has_a_source(run):
    # An entry cites its source, or says that the documents do not give it.
    cited = {(n["file"], n["line"]) for n in notes(run, "sources") + notes(run, "assumptions")}
    files = sorted(
        p for p in [*(ROOT / "calendars").glob("*.yaml"), *(ROOT / "data").glob("*.yaml")]
        if p.name != "recipients.yaml"
    )
    assert len(files) >= 8
    missing = []
    for path in files:
        rel = str(path.relative_to(ROOT))
        block = None  # the indent of an open `chairs:` or `history:` block, whose years are facts
        for number, line in enumerate(path.read_text().splitlines(), start=1):
            if not line.strip() or line.strip().startswith("#"):
                continue
            indent = len(line) - len(line.lstrip())
            if block is not None and indent <= block:
                block = None
            if re.match(r"^\s+(chairs|history):\s*$", line):
                block = indent
                continue
            match = ENTRY.match(line)
            if not match or (match.group(2) and block is None):
                continue
            if (rel, number) not in cited:
                missing.append(f"{rel}:{number}: {line.strip()}")
    assert missing == []


def test_assumptions_list_every_value_the_documents_do_not_give(run):
    assumptions = notes(run, "assumptions")
    by_file: dict[str, list[dict]] = {}
    for note in assumptions:
        by_file.setdefault(note["file"], []).append(note)
    values = lambda file: [n["value"] for n in by_file.get(file, [])]  # noqa: E731
    # The end of a lunch–lunch planning conference, twice in 2019, and the time of 19 December.
    assert values("calendars/2019.yaml").count("time: 12:00-13:00") == 2
    assert "time: 12:00-15:30" in values("calendars/2019.yaml")
    # The extra meeting of 26 November 2020: its end and its platform.
    assert {"time: 19:00-20:00", "digital: Teams"} <= set(values("calendars/2020.yaml"))
    # The committee's host order and the length of the breaks.
    rules = values("calendars/rules.yaml")
    assert any(v.startswith("committee-host-order:") for v in rules)
    assert rules.count("- name: sommaruppehåll (juli)") == 1 and rules.count("- name: jul och nyår") == 1
    # Owners the minutes do not name.
    assert any(v.startswith("owners:") for v in values("data/minutes-from-seeds.yaml"))
    # The text form gives file and line for each, the form editors turn into links.
    result = run("check", "--assumptions")
    assert result.returncode == 0, result.stderr
    assert re.search(r"^calendars/2019\.yaml:\d+: time: 12:00-13:00$", result.stdout, re.M)
    assert result.stdout.rstrip().endswith(f"{len(assumptions)} assumptions in calendars, data")


def test_the_chairs_are_named_and_a_year_without_one_is_a_warning(run):
    result = run("check", "--format", "json")
    assert result.returncode == 0, result.stderr
    warnings = json.loads(result.stdout)["warnings"]
    no_chair = [(w["year"], w["subject"]) for w in warnings if w["rule"] == "no-chair"]
    # No document names the committee's chair for 2021.
    assert no_chair == [(2021, "samarbetskommitten")]


def test_a_partial_year_is_not_counted_against_the_minimum(run, calendars_copy):
    # 2020.yaml holds only the meetings the minutes of 20 November 2020 name.
    assert not any(w["rule"] == "minimum-meetings" for w in json.loads(run("check", "--format", "json").stdout)["warnings"])
    text = (calendars_copy / "2020.yaml").read_text()
    (calendars_copy / "2020.yaml").write_text(text.replace("partial: true\n", ""))
    result = run("check", "--calendars", str(calendars_copy), "--format", "json")
    counted = {(w["year"], w["subject"]) for w in json.loads(result.stdout)["warnings"] if w["rule"] == "minimum-meetings"}
    assert counted == {(2020, "ledningsgruppen"), (2020, "samarbetskommitten")}
