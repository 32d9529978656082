"""Minutes (issue 16): agenda → minutes → approval → e-mail (aiosmtpd) → the decided
item in the next meeting's agenda and kallelse; quorum; approval locks; a correction
makes a version."""

import json

import pytest

from conftest import with_recipients

FROM = "Södertörnskommunernas kansli <kansli@example.org>"
MEETING = "ledningsgruppen-2021-10-08"
NEXT = "ledningsgruppen-2021-11-19"
REGISTRY = "registrator@haninge.example.org"


@pytest.fixture
def calendars(calendars_copy):
    return with_recipients(calendars_copy, f"  - name: Haninge kommuns registrator\n    email: {REGISTRY}\n"
                           "    roles: [registrator]\n    municipality: haninge\n")


def cli(run, calendars, state, *args, now="2021-10-11T10:00:00+02:00", ok=True):
    result = run(*args, "--calendars", str(calendars), "--state", str(state), "--now", now)
    if ok:
        assert result.returncode == 0, result.stdout + result.stderr
    return result


def remind(run, calendars, state, now, port):
    result = run("remind", "--calendars", str(calendars), "--state", str(state), "--now", now, "--mail-from", FROM,
                 "--mail", f"smtp://127.0.0.1:{port}?starttls=never&timeout=5")
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def attend_quorum(run, calendars, state):
    for name, municipality in [("Leif Eriksson", "botkyrka"), ("Magnus Gyllestad", "haninge"),
                               ("Camilla Broo", "huddinge"), ("Frida Nilsson", "nykvarn")]:
        cli(run, calendars, state, "minutes", "attend", MEETING, name, "--municipality", municipality)


def test_the_cycle_from_agenda_to_the_next_kallelse(run, calendars, tmp_path, smtp):
    state = tmp_path / "state"
    cli(run, calendars, state, "agenda", "add", MEETING, "--title", "Elektrifieringsfrågor", "--kind", "decision")
    cli(run, calendars, state, "agenda", "publish", MEETING)
    started = cli(run, calendars, state, "minutes", "start", MEETING, "--secretary", "Anna Söderström",
                  "--adjuster", "Helene Olofsson")
    assert "approved by: Magnus Gyllestad and Helene Olofsson" in started.stdout
    attend_quorum(run, calendars, state)
    # An earlier item not followed up yet is listed at the outstanding-items point of the draft.
    cli(run, calendars, state, "items", "add", "--title", "Besvara remissen om Länsplanen", "--body", "ledningsgruppen",
        "--owner", "role:kansli", "--meeting", "ledningsgruppen-2021-08-20")
    draft = cli(run, calendars, state, "minutes", "show", MEETING).stdout
    assert "Besvara remissen om Länsplanen (från ledningsgruppens möte fredag 20 augusti 2021): ej uppföljt än" in draft
    cli(run, calendars, state, "minutes", "attend", MEETING, "Carolina Pettersson", "--municipality", "nynashamn",
        "--absent")
    cli(run, calendars, state, "minutes", "attend", MEETING, "Helena Sundberg", "--role", "guest",
        "--organisation", "Trafikverket", "--part", "points:6")
    cli(run, calendars, state, "minutes", "note", MEETING, "6", "Helene Olofsson redogör för elektrifieringslöftet.")
    decided = cli(run, calendars, state, "minutes", "decide", MEETING, "6",
                  "Att ta fram ett tydligare mål för elektrifiering till nästa verksamhetsplan.",
                  "--item-owner", "person:Helene Olofsson", "--item-due", "2021-11-12")
    item_id = int(decided.stdout.split("item #")[1].split()[0])

    item = json.loads(cli(run, calendars, state, "items", "show", str(item_id), "--format", "json").stdout)
    assert (item["meeting"], item["point"]) == (MEETING, 6)
    assert item["decision"].startswith("Att ta fram ett tydligare mål")
    assert item["title"] == "Ta fram ett tydligare mål för elektrifiering till nästa verksamhetsplan"

    first = cli(run, calendars, state, "minutes", "approve", MEETING, "--by", "Magnus Gyllestad")
    assert "waiting for Helene Olofsson" in first.stdout
    twice = cli(run, calendars, state, "minutes", "approve", MEETING, "--by", "Magnus Gyllestad", ok=False)
    assert twice.returncode == 1 and "has already approved" in twice.stderr
    cli(run, calendars, state, "minutes", "approve", MEETING, "--by", "utvecklingsledare@example.org")
    locked = cli(run, calendars, state, "minutes", "note", MEETING, "1", "Sent tillägg", ok=False)
    assert locked.returncode == 1 and "locked" in locked.stderr

    remind(run, calendars, state, "2021-10-12T08:30:00+02:00", smtp.port)
    sent = [m for m in smtp.sink.messages if str(m["Subject"]).startswith("Minnesanteckningar: ledningsgruppens möte")]
    to = {str(m["To"]) for m in sent}
    assert any(REGISTRY in t for t in to), to
    assert any("kd.huddinge@example.org" in t for t in to), to
    body = sent[0].get_body(("plain",)).get_content().replace("\r\n", "\n")
    assert "Närvarande: Leif Eriksson, Botkyrka" in body
    assert "Frånvarande: Carolina Pettersson, Nynäshamn" in body
    assert "Helena Sundberg, Trafikverket, endast punkt 6" in body
    assert "4 av 8 ledamöter närvarande; mötet var beslutsmässigt." in body
    assert "Beslut\n  Att ta fram ett tydligare mål" in body
    assert "Helene Olofsson:\n  • Ta fram ett tydligare mål" in body
    assert sent[0].get_body(("html",)) is not None
    again = remind(run, calendars, state, "2021-10-13T08:30:00+02:00", smtp.port)
    assert not [m for m in smtp.sink.messages[len(sent):] if "Minnesanteckningar" in str(m["Subject"])], again.stdout

    # The next meeting's agenda and kallelse pick the item up.
    shown = json.loads(cli(run, calendars, state, "agenda", "show", NEXT, "--format", "json").stdout)
    open_items = next(p for p in shown["points"] if p["fill"] == "open-items")["filled"]
    assert any("Ta fram ett tydligare mål" in line and "(från ledningsgruppens möte fredag 8 oktober 2021)" in line
               for line in open_items), open_items
    cli(run, calendars, state, "agenda", "publish", NEXT, now="2021-11-08T10:00:00+01:00")
    remind(run, calendars, state, "2021-11-09T08:30:00+01:00", smtp.port)
    kallelse = [m for m in smtp.sink.messages if str(m["Subject"]).startswith("Kallelse: ledningsgruppens möte fredag 19")]
    assert kallelse
    text = kallelse[0].get_body(("plain",)).get_content().replace("\r\n", "\n")
    assert "Ska vara klart före mötet:\n  • Ta fram ett tydligare mål" in text


def test_no_quorum_is_said_and_a_correction_makes_a_version(run, calendars, tmp_path):
    state = tmp_path / "state"
    cli(run, calendars, state, "minutes", "start", MEETING, "--secretary", "Anna Söderström")
    cli(run, calendars, state, "minutes", "attend", MEETING, "Leif Eriksson", "--municipality", "botkyrka")
    shown = json.loads(cli(run, calendars, state, "minutes", "show", MEETING, "--format", "json").stdout)
    assert shown["quorum"] == {"present": 1, "members": 8, "reached": False}
    text = cli(run, calendars, state, "minutes", "show", MEETING).stdout
    assert "Endast 1 av 8 ledamöter närvarande: mötet var inte beslutsmässigt" in text
    check = run("check", "--calendars", str(calendars), "--state", str(state), "--format", "json")
    assert check.returncode == 0, check.stderr
    quorum = [w for w in json.loads(check.stdout)["warnings"] if w["rule"] == "no-quorum"]
    assert len(quorum) == 1 and "1 of 8 members present" in quorum[0]["message"], quorum

    attend_quorum(run, calendars, state)
    check = run("check", "--calendars", str(calendars), "--state", str(state))
    assert "[no-quorum]" not in check.stdout
    # The chair and ledningsgruppen's usual adjuster (bodies.yaml minutes-adjuster) approve.
    assert json.loads(cli(run, calendars, state, "minutes", "show", MEETING, "--format", "json").stdout)[
        "approvers"] == ["Magnus Gyllestad", "Helene Olofsson"]
    cli(run, calendars, state, "minutes", "approve", MEETING, "--by", "Magnus Gyllestad")
    cli(run, calendars, state, "minutes", "approve", MEETING, "--by", "Helene Olofsson")
    assert json.loads(cli(run, calendars, state, "minutes", "show", MEETING, "--format", "json").stdout)["version"] == 1
    cli(run, calendars, state, "minutes", "correct", MEETING, "--reason", "Frida Nilsson kom efter punkt 2")
    cli(run, calendars, state, "minutes", "attend", MEETING, "Frida Nilsson", "--municipality", "nykvarn",
        "--part", "from:09:15")
    cli(run, calendars, state, "minutes", "approve", MEETING, "--by", "Magnus Gyllestad")
    cli(run, calendars, state, "minutes", "approve", MEETING, "--by", "Helene Olofsson")
    shown = json.loads(cli(run, calendars, state, "minutes", "show", MEETING, "--format", "json").stdout)
    assert shown["version"] == 2 and [v["reason"] for v in shown["versions"]] == [None, "Frida Nilsson kom efter punkt 2"]
    old = cli(run, calendars, state, "minutes", "show", MEETING, "--version", "1").stdout
    assert "Frida Nilsson, Nykvarn\n" in old + "\n" and "från kl. 09:15" not in old
    new = cli(run, calendars, state, "minutes", "show", MEETING).stdout
    assert "Frida Nilsson, Nykvarn, från kl. 09:15" in new and "Version 2, rättad: Frida Nilsson kom efter punkt 2" in new
    html = cli(run, calendars, state, "minutes", "show", MEETING, "--format", "html").stdout
    assert "@media print" in html and "<h2>1. Välkommen</h2>" in html


def test_minutes_mistakes_say_what_to_do(run, calendars, tmp_path):
    state = tmp_path / "state"
    none = cli(run, calendars, state, "minutes", "show", MEETING, ok=False)
    assert none.returncode == 1 and "has no minutes; start them with minutes start" in none.stderr
    cli(run, calendars, state, "minutes", "start", MEETING)
    again = cli(run, calendars, state, "minutes", "start", MEETING, ok=False)
    assert again.returncode == 1 and "started already" in again.stderr
    no_point = cli(run, calendars, state, "minutes", "note", MEETING, "42", "x", ok=False)
    assert no_point.returncode == 1 and "there is no point 42" in no_point.stderr
    stranger = cli(run, calendars, state, "minutes", "approve", MEETING, "--by", "Någon Annan", ok=False)
    assert stranger.returncode == 1 and "does not approve these minutes" in stranger.stderr
    left = cli(run, calendars, state, "minutes", "attend", MEETING, "X", "--municipality", "stockholm", ok=False)
    assert left.returncode != 0 and "unknown municipality" in left.stderr
    no_item = cli(run, calendars, state, "minutes", "follow-up", MEETING, "999", "klart", ok=False)
    assert no_item.returncode == 1 and "there is no item #999" in no_item.stderr
    bad_status = cli(run, calendars, state, "minutes", "follow-up", MEETING, "1", "halvklart", ok=False)
    assert bad_status.returncode != 0 and "not a follow-up status" in bad_status.stderr
