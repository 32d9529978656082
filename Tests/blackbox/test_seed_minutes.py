"""The seeds' two minutes as data (issue 16, point 6): data/minutes-from-seeds.yaml
imported after the agendas, checked against the seed texts themselves: every attendee
with their part, the quorum, every Beslut, every item linked to its meeting, point and
decision, the follow-ups applied to the earlier items, and importing twice adds nothing."""

import json
import re
import subprocess
import unicodedata

import pytest

from conftest import ROOT

SEEDS = ROOT / "docs/seeds"
NOV = "ledningsgruppen-2020-11-20"
AUG = "ledningsgruppen-2021-08-20"
# seed file, the line that opens the attendance list, the line after it.
SEED = {
    NOV: ("003_9ff63dd8a74b0927.txt", "Nirvarande:", "1. Valkommen"),
    AUG: ("002_7024b9918b9f7630.txt", "Deltagare", "1. Välkommen"),
}
# The 2020 minutes are an OCR scan: their Beslut as the scan has them, and as the data
# spells them.
NOV_DECISIONS = [
    ("Inf6r de kommande helgerna delar kommundirektorerna information dels under ett extrainsatta mote torsdag "
     "26 november kl 19.00 samt via grupp i social app som Rickard Sundbom upprittar.",
     "Inför de kommande helgerna delar kommundirektörerna information dels under ett extrainsatta möte torsdag "
     "26 november kl 19.00 samt via grupp i social app som Rickard Sundbom upprättar."),
    ("Att genomféra Samarbetskommitténs planeringskonferens digitalt den 14 januari.",
     "Att genomföra Samarbetskommitténs planeringskonferens digitalt den 14 januari."),
    ("Att besluta senare om att ev stilla in Samarbetskommitténs moéte den 10 december.",
     "Att besluta senare om att ev ställa in Samarbetskommitténs möte den 10 december."),
    ("Att planera utifran att Samarbetskommittén ska ta beslut om verksamhetsplan f6r 2021 och arsredovisning 2020 "
     "pa planeringskonferensen 14 januari 2021.",
     "Att planera utifrån att Samarbetskommittén ska ta beslut om verksamhetsplan för 2021 och årsredovisning 2020 "
     "på planeringskonferensen 14 januari 2021."),
    ("Att genomfora en Sédertdrnskonferensen under varen 2021 som riktar sig bade internt och externt i syfte att "
     "stirka vart varumirke och att inriktningen som ldget ir nu att genomfora den digitalt.",
     "Att genomföra en Södertörnskonferensen under våren 2021 som riktar sig både internt och externt i syfte att "
     "stärka vårt varumärke och att inriktningen som läget är nu att genomföra den digitalt."),
    ("Att redovisa ett forslag till uppligg f6r Sodertérnskonferensen till ledningsgruppen fore jul (via mejl).",
     "Att redovisa ett förslag till upplägg för Södertörnskonferensen till ledningsgruppen före jul (via mejl)."),
]
# Point 4 of 2020: each earlier item as the scan has it, its status word, and what the
# item's status is once the follow-up is applied.
NOV_FOLLOW_UPS = [
    ("Vidare arbete med diskussionsunderlag f6r nya/fler objekt", "Nytt underlag har skickats ut till detta méte.",
     "diskussionsunderlag", "done", "done"),
    ("Besvara remissen Inriktningsunderlaget och vigplan breddningen", "- Pagar",
     "Besvara remissen Inriktningsunderlaget", "in-progress", "in-progress"),
    ("Information om Trafikférvaltningens olika riktlinjer", "Tas upp senare i samband med remissen f6r Kollektivtrafikplan 2050.",
     "Trafikförvaltningens", "tabled", "in-progress"),
    ("Underlag infor Sektorsmétet den 27 november sammanstills", "Utskickat via mejl den 16 november",
     "Sektorsmötet", "done", "done"),
    ("Ordforande for motet med Samarbetskommittén den 10 december.", "Boel Godner ir informerad",
     "Ordförande för mötet", "done", "done"),
    ("Att tillimpa ordférandebeslut angdende remissen Vigplan f6r E4/E20", "- Pagir.",
     "Tillämpa ordförandebeslut", "in-progress", "in-progress"),
]
# The items the issue names as missing from the old items list: words of their titles.
NAMED_IN_THE_ISSUE = {
    NOV: ["diskussionsunderlag för nya/fler objekt", "Trafikförvaltningens olika riktlinjer",
          "verksamhetsplan 2021 och årsredovisning 2020"],
    AUG: ["halvårsrapporten", "verksamhetsplanen 2022", "arbetsgruppen", "med sin KSO",
          "Brandförsvarsförbund"],
}


def normalized(text: str) -> str:
    return " ".join(text.split())


def folded(text: str) -> str:
    """Lower case ASCII letters and spaces: "Mats Bergström" and the scan's "Mats Bergstrom" agree."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return " ".join(re.sub(r"[^a-z ]", " ", plain).split())


def ascii_only(text: str) -> str:
    """Without the marks on å, ä, ö, é: the scan's "Foregaende moten" is "Föregående möten"."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def seed_text(meeting: str) -> str:
    return (SEEDS / SEED[meeting][0]).read_text()


def seed_attendance(meeting: str) -> list[tuple[str, bool]]:
    """The attendance lists' lines, each with whether it is under Närvarande/Deltagare."""
    _, start, end = SEED[meeting]
    text = seed_text(meeting)
    block = text[text.index(start) + len(start):text.index(end)]
    lines, present = [], True
    for line in block.splitlines():
        line = line.strip()
        if line.startswith("Franvarande:"):
            present, line = False, line.removeprefix("Franvarande:").strip()
        if line:
            lines.append((line, present))
    return lines


def seed_beslut(meeting: str) -> list[str]:
    """Each Beslut paragraph of the clean 2021 minutes: the lines after "Beslut" up to a blank line."""
    # (or up to the next point's heading, which may follow without one)
    paragraphs, current = [], None
    for line in seed_text(meeting).splitlines():
        if line.strip() == "Beslut":
            current = []
        elif current is not None:
            if line.strip() and not re.match(r"^\s*\d+\. ", line):  # the next point's heading ends it too
                current.append(line)
            elif current:
                paragraphs.append(normalized(" ".join(current)))
                current = None
    return paragraphs


@pytest.fixture(scope="module")
def cli(kalendarium_bin, tmp_path_factory):
    state = tmp_path_factory.mktemp("seed-minutes") / "state"

    def _cli(*args: str, ok: bool = True) -> subprocess.CompletedProcess:
        result = subprocess.run([kalendarium_bin, *args, "--state", str(state)], cwd=ROOT, capture_output=True,
                                text=True, timeout=60)
        if ok:
            assert result.returncode == 0, result.stdout + result.stderr
        return result

    assert "imported 2 of 2 agendas" in _cli("agenda", "import", "data/agendas-from-minutes.yaml").stdout
    assert "imported 2 of 2 minutes (0 already there)" in _cli("minutes", "import", "data/minutes-from-seeds.yaml").stdout
    return _cli


def minutes(cli, meeting: str) -> dict:
    return json.loads(cli("minutes", "show", meeting, "--format", "json").stdout)


def items(cli) -> list[dict]:
    return json.loads(cli("items", "list", "--format", "json").stdout)


@pytest.mark.parametrize("meeting", [NOV, AUG])
def test_every_attendee_is_there_with_their_part(cli, meeting):
    document = minutes(cli, meeting)
    text = cli("minutes", "show", meeting).stdout
    present_block = text[text.index("Närvarande:"):text.index("Frånvarande:") if "Frånvarande:" in text else None]
    lines = seed_attendance(meeting)
    assert len(document["attendance"]) == len(lines)
    for line, present in lines:
        matches = [a for a in document["attendance"] if folded(line).startswith(folded(a["name"]))]
        assert len(matches) == 1, line
        person = matches[0]
        assert person["present"] == present, line
        shown = [s for s in text.splitlines() if s.strip().removeprefix("Närvarande: ").removeprefix("Frånvarande: ")
                 .startswith(person["name"] + ",")]
        assert len(shown) == 1, person["name"]
        assert (person["name"] in present_block) == present
        if "endast punkt 2" in line:
            assert person["part"] == "points:2" and person["role"] == "guest"
            assert shown[0].endswith("endast punkt 2")
        elif "t o m kl 10.00" in line:
            assert person["part"] == "until:10:00"
            assert shown[0].endswith("t.o.m. kl. 10:00")
        else:
            assert person["part"] is None
        if "sekreterare" in line:
            assert person["role"] == "secretariat" and person["name"] == document["secretary"]
        if re.search(r"ordf.rande", line):
            assert person["role"] == "member" and person["name"] == document["chair"]
    # One member per member municipality; the secretariat is the two of Södertörnskommunerna.
    members = [a for a in document["attendance"] if a["role"] == "member"]
    assert len({a["municipality"] for a in members}) == len(members) == 8
    assert sorted(a["name"] for a in document["attendance"] if a["role"] == "secretariat") == [
        "Anna Söderström", "Helene Olofsson"]


def test_the_quorum_line(cli):
    assert "7 av 8 ledamöter närvarande; mötet var beslutsmässigt." in cli("minutes", "show", NOV).stdout
    assert "8 av 8 ledamöter närvarande; mötet var beslutsmässigt." in cli("minutes", "show", AUG).stdout
    assert minutes(cli, NOV)["quorum"] == {"members": 8, "present": 7, "reached": True}


def test_chair_secretary_and_approval(cli):
    for meeting, chair in [(NOV, "Rickard Sundbom"), (AUG, "Magnus Gyllestad")]:
        document = minutes(cli, meeting)
        assert document["chair"] == chair and document["secretary"] == "Anna Söderström"
        # "Vid anteckningarna … Justerades": the seeds name Helene Olofsson alone, with no date.
        assert document["approvers"] == ["Helene Olofsson"] and document["state"] == "approved"
        assert f"Ordförande: {chair}" in document["text"]
        assert "Justerade: Helene Olofsson\n" in document["text"] + "\n"
        assert document["versions"][0]["approved_by"] == ["Helene Olofsson"]


def test_every_point_as_the_agenda_numbers_it(cli):
    for meeting, count in [(NOV, 6), (AUG, 11)]:
        document = minutes(cli, meeting)
        agenda = json.loads(cli("agenda", "show", meeting, "--format", "json").stdout)
        assert [p["number"] for p in document["points"]] == list(range(1, count + 1))
        assert [p["title"] for p in document["points"]] == [p["title"] for p in agenda["points"]]
        assert all(p["notes"].strip() for p in document["points"])
        # The seed numbers each point so: "6. Transportinfrastrukturplaneringen", the scan's "5. Kommande moten".
        text = ascii_only(normalized(seed_text(meeting)))
        for point in document["points"]:
            assert f"{point['number']}. {ascii_only(point['title'])}" in text, point["title"]


def test_every_beslut_is_there(cli):
    shown = normalized(cli("minutes", "show", NOV).stdout)
    nov = [d["text"] for p in minutes(cli, NOV)["points"] for d in p["decisions"]]
    seed = normalized(seed_text(NOV))
    for scanned, spelled in NOV_DECISIONS:
        assert normalized(scanned) in seed
        assert spelled in nov and spelled in shown
    assert seed.count("Att ") >= 6
    aug = {d["text"] for p in minutes(cli, AUG)["points"] for d in p["decisions"]}
    beslut = seed_beslut(AUG)
    assert len(beslut) == 3
    assert set(beslut) <= aug
    assert all(b in normalized(cli("minutes", "show", AUG).stdout) for b in beslut)


def test_every_item_links_to_its_meeting_point_and_decision(cli):
    stored = items(cli)
    by_id = {i["id"]: i for i in stored}
    linked = set()
    for meeting in [NOV, AUG]:
        document = minutes(cli, meeting)
        for point in document["points"]:
            for decision in point["decisions"]:
                for item_id in decision["items"]:
                    item = by_id[item_id]
                    assert (item["meeting"], item["point"], item["decision"]) == (
                        meeting, point["number"], decision["text"])
                    # The decision's words, or the minutes' own words for an assignment, are in the seed.
                    if meeting == AUG:
                        assert normalized(decision["text"]) in normalized(seed_text(AUG))
                    linked.add(item_id)
        mine = [i for i in stored if i["meeting"] == meeting]
        assert {i["id"] for i in mine} <= linked
        # With the earlier items these minutes follow up.
        mine += [by_id[f["item"]] for f in document["follow_ups"]]
        for words in NAMED_IN_THE_ISSUE[meeting]:
            assert any(words.lower() in i["title"].lower() for i in mine), words
    follow_ups = {f["item"] for f in minutes(cli, NOV)["follow_ups"]}
    assert len(linked) == 7 + 12 and len(follow_ups) == 6
    # Every item in the store comes from the minutes, and links to the meeting it was decided at.
    assert {i["id"] for i in stored} == linked | follow_ups
    assert all(i["meeting"] for i in stored)
    earlier = {by_id[i]["meeting"] for i in follow_ups}
    assert earlier == {"ledningsgruppen-2020-10-09", "samarbetskommitten-2020-10-29"}
    # The 20 November minutes name the two meetings the items read out came from.
    assert "Ledningsgruppens méte den 9 oktober och Samarbetskommitténs mote den 29 oktober" in normalized(
        seed_text(NOV))


def test_the_follow_ups_are_applied(cli):
    document = minutes(cli, NOV)
    by_id = {i["id"]: i for i in items(cli)}
    seed = normalized(seed_text(NOV))
    shown = cli("minutes", "show", NOV).stdout
    assert document["follow_up_point"] == 4
    assert len(document["follow_ups"]) == len(NOV_FOLLOW_UPS)
    for (scanned, word, title, status, item_status), follow_up in zip(NOV_FOLLOW_UPS, document["follow_ups"]):
        assert scanned in seed and word in seed
        item = by_id[follow_up["item"]]
        assert title in item["title"]
        assert follow_up["status"] == status and item["status"] == item_status
        history = item["history"][-1]
        assert history["date"] == "2020-11-20" and history["status"] == item_status
        assert history["text"].startswith("Ledningsgruppens möte fredag 20 november 2020: ")
        assert follow_up["note"] in history["text"]
        assert item["title"] in shown
    # Point 2 of 2021: no outstanding items remain.
    assert minutes(cli, AUG)["follow_up_point"] == 2 and minutes(cli, AUG)["follow_ups"] == []
    assert "Inga utestående ärenden kvarstår." in seed_text(AUG)


def test_importing_twice_adds_nothing(cli):
    before = items(cli), minutes(cli, NOV), minutes(cli, AUG)
    again = cli("minutes", "import", "data/minutes-from-seeds.yaml")
    assert "imported 0 of 2 minutes (2 already there)" in again.stdout
    assert (items(cli), minutes(cli, NOV), minutes(cli, AUG)) == before
