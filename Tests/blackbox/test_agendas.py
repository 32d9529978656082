"""Agendas (issue 15): from the body's template to the kallelse that carries the
published agenda, one "Uppdaterad kallelse" per change after an hour's rest, and a
reminder to the secretariat and the chair while the agenda is unpublished. Mail is
read from a real SMTP server (aiosmtpd on loopback) and from the maildir."""

import email
import email.policy
import email.utils
import json
import pytest

from conftest import assert_invitation, with_recipients

FROM = "Södertörnskommunernas kansli <kansli@example.org>"
MEETING = "ledningsgruppen-2021-11-19"  # a Friday; notice day Tuesday 9 November, reminder Friday 5 November
SUBJECT = "ledningsgruppens möte fredag 19 november 2021"
CHAIR = "magnus.gyllestad@example.org"
PDF = b"%PDF-1.4\n% Kalendarium test\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


@pytest.fixture
def calendars(calendars_copy):
    """The shipped calendars with ledningsgruppen's 2021 chair (Magnus Gyllestad, from
    the minutes) among the recipients, so the chair's reminder has an address."""
    return with_recipients(calendars_copy, f"  - name: Magnus Gyllestad\n    email: {CHAIR}\n"
                           "    roles: [kommundirektor]\n    municipality: haninge\n    receives: [agenda]\n")


def agenda(run, calendars, state, *args, now="2021-11-01T10:00:00+01:00"):
    result = run("agenda", *args, "--calendars", str(calendars), "--state", str(state), "--now", now)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def remind(run, calendars, state, now, port=None):
    mail = ["--mail", f"smtp://127.0.0.1:{port}?starttls=never&timeout=5"] if port else []
    result = run("remind", "--calendars", str(calendars), "--state", str(state), "--now", now, "--mail-from", FROM,
                 *mail)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def plain(message):
    return message.get_body(("plain",)).get_content()


def by_subject(messages, prefix):
    return [m for m in messages if str(m["Subject"]).startswith(prefix)]


def test_a_published_agenda_makes_one_kallelse_then_one_update(run, calendars, tmp_path, smtp):
    state = tmp_path / "state"
    paper = tmp_path / "Underlag elektrifiering.pdf"
    paper.write_bytes(PDF)
    agenda(run, calendars, state, "add", MEETING, "--title", "Elektrifieringsfrågor", "--kind", "discussion",
           "--presenter", "person:Helene Olofsson")
    agenda(run, calendars, state, "attach", MEETING, "6", str(paper))
    agenda(run, calendars, state, "publish", MEETING)

    remind(run, calendars, state, "2021-11-09T08:30:00+01:00", smtp.port)
    notices = by_subject(smtp.sink.messages, f"Kallelse: {SUBJECT}")
    assert notices and len(notices) == len(smtp.sink.messages)
    recipients = sorted(str(m["To"]) for m in notices)
    assert len(recipients) == len(set(recipients)), "one kallelse per person"
    assert any(CHAIR in r for r in recipients)
    text = plain(notices[0])
    assert "Dagordning (version 1):" in text
    assert "1. Välkommen" in text and "9. Nästa möte" in text
    assert "6. Elektrifieringsfrågor (Diskussion, Helene Olofsson)" in text
    assert f"/meetings/{MEETING}/papers/Underlag-elektrifiering.pdf" in text
    assert "Ordförande: Magnus Gyllestad (Haninge)." in text
    assert notices[0].get_body(("html",)) is not None
    for notice in notices:
        assert_invitation(notice, email.utils.parseaddr(str(notice["To"]))[1])

    # Two edits ten minutes apart; the update waits for an hour's rest and then is one mail.
    agenda(run, calendars, state, "edit", MEETING, "6", "--title", "Elektrifiering och eleffekt",
           now="2021-11-10T09:00:00+01:00")
    agenda(run, calendars, state, "add", MEETING, "--title", "Polisens brottsförebyggande arbete",
           now="2021-11-10T09:10:00+01:00")
    soon = remind(run, calendars, state, "2021-11-10T09:40:00+01:00", smtp.port)
    assert len(smtp.sink.messages) == len(notices), soon.stdout
    remind(run, calendars, state, "2021-11-11T08:30:00+01:00", smtp.port)
    updates = by_subject(smtp.sink.messages, f"Uppdaterad kallelse: {SUBJECT}")
    assert sorted(str(m["To"]) for m in updates) == recipients
    text = plain(updates[0])
    # The update is the same invitation at a higher SEQUENCE: the calendar apps update the event.
    first = assert_invitation(notices[0], email.utils.parseaddr(str(notices[0]["To"]))[1])
    update = assert_invitation(next(m for m in updates if m["To"] == notices[0]["To"]),
                               email.utils.parseaddr(str(notices[0]["To"]))[1])
    assert str(update["UID"]) == str(first["UID"]) and int(update["SEQUENCE"]) > int(first["SEQUENCE"])
    assert "Dagordning (version 3):" in text
    assert "Punkt 6, Elektrifiering och eleffekt: ändrad rubrik" in text
    assert "Ny punkt 7: Polisens brottsförebyggande arbete" in text
    assert "7. Polisens brottsförebyggande arbete (Information)" in text

    # Never the same version twice.
    remind(run, calendars, state, "2021-11-12T08:30:00+01:00", smtp.port)
    assert len(smtp.sink.messages) == len(notices) + len(updates)


def test_an_unpublished_agenda_reminds_the_secretariat_and_the_chair(run, calendars, tmp_path):
    state = tmp_path / "state"
    agenda(run, calendars, state, "add", MEETING, "--title", "Elektrifieringsfrågor")  # a draft, not published
    maildir = state / "maildir"

    def messages():
        new = maildir / "new"
        return [email.message_from_bytes(p.read_bytes(), policy=email.policy.default)
                for p in sorted(new.iterdir())] if new.exists() else []

    remind(run, calendars, state, "2021-11-04T08:30:00+01:00")  # 15 days before: nothing yet
    assert messages() == []
    remind(run, calendars, state, "2021-11-05T08:30:00+01:00")  # 14 days before
    early = messages()
    assert {str(m["Subject"]) for m in early} == {f"Dagordningen är inte publicerad: {SUBJECT}"}
    to = sorted(str(m["To"]) for m in early)
    assert any(CHAIR in t for t in to) and any("utvecklingsledare@example.org" in t for t in to)
    assert "kalendarium agenda publish ledningsgruppen-2021-11-19" in plain(early[0])
    remind(run, calendars, state, "2021-11-08T08:30:00+01:00")
    assert len(messages()) == len(early), "once before the notice day"
    remind(run, calendars, state, "2021-11-09T08:30:00+01:00")  # the notice day: again, and no kallelse
    assert len(messages()) == 2 * len(early)
    assert not by_subject(messages(), "Kallelse")

    # Published late: the kallelse goes out at the next pass.
    agenda(run, calendars, state, "publish", MEETING, now="2021-11-10T10:00:00+01:00")
    remind(run, calendars, state, "2021-11-10T10:30:00+01:00")
    notices = by_subject(messages(), f"Kallelse: {SUBJECT}")
    assert notices and "2. Utestående ärenden och föregående möten" in plain(notices[0])


def test_a_proposer_hears_the_answer(run, calendars, tmp_path, smtp):
    state = tmp_path / "state"
    agenda(run, calendars, state, "publish", MEETING)
    proposed = agenda(run, calendars, state, "propose", MEETING, "--title", "Rekrytering av förbundsdirektör",
                      "--by", "kd.huddinge@example.org", "--reason", "Inför mötet med Nacka och Ekerö")
    key = proposed.stdout.split()[1]
    other = agenda(run, calendars, state, "propose", MEETING, "--title", "Fika", "--by", "gast@example.org")
    shown = json.loads(agenda(run, calendars, state, "show", MEETING, "--format", "json").stdout)
    assert [p["state"] for p in shown["proposals"]] == ["proposed", "proposed"]
    assert all(p["title"] != "Rekrytering av förbundsdirektör" for p in shown["points"])
    agenda(run, calendars, state, "accept", MEETING, key)
    agenda(run, calendars, state, "decline", MEETING, other.stdout.split()[1])
    shown = json.loads(agenda(run, calendars, state, "show", MEETING, "--format", "json").stdout)
    assert shown["version"] == 2 and shown["points"][-4]["title"] == "Rekrytering av förbundsdirektör"

    remind(run, calendars, state, "2021-11-02T08:30:00+01:00", smtp.port)
    answers = {str(m["To"]): plain(m) for m in by_subject(smtp.sink.messages, "Ditt förslag")}
    assert any("kd.huddinge@example.org" in t and "är med på dagordningen" in b for t, b in answers.items())
    assert any("gast@example.org" in t and "är inte med på dagordningen" in b for t, b in answers.items())
    remind(run, calendars, state, "2021-11-03T08:30:00+01:00", smtp.port)
    assert len(by_subject(smtp.sink.messages, "Ditt förslag")) == 2, "each answer once"


def test_agenda_mistakes_say_what_to_do(run, calendars, tmp_path):
    state = tmp_path / "state"
    base = ["--calendars", str(calendars), "--state", str(state)]
    unknown = run("agenda", "show", "ledningsgruppen-2021-11-18", *base)
    assert unknown.returncode == 1 and 'did you mean "ledningsgruppen-2021-11-19"' in unknown.stderr
    no_point = run("agenda", "move", MEETING, "14", "2", *base)
    assert no_point.returncode == 1 and "there is no point 14; the agenda has points 1–8" in no_point.stderr
    exe = tmp_path / "program.pdf"
    exe.write_bytes(b"\x7fELF\x02\x01\x01")
    fake = run("agenda", "attach", MEETING, "2", str(exe), *base)
    assert fake.returncode == 1 and "does not hold what its name says" in fake.stderr
    odd = tmp_path / "script.sh"
    odd.write_text("echo hej\n")
    kind = run("agenda", "attach", MEETING, "2", str(odd), *base)
    assert kind.returncode == 1 and "papers may be" in kind.stderr
    assert run("agenda", "publish", MEETING, *base).returncode == 0
    again = run("agenda", "publish", MEETING, *base)
    assert again.returncode == 1 and "already published" in again.stderr
    conference = run("agenda", "show", "sodertornskonferensen-2021", *base)
    assert conference.returncode == 1 and "is a conference; agendas are for the bodies' meetings" in conference.stderr
