"""Answers from calendar apps (issue 17, point 3), on the built binary: a kallelse's
invitation answered with an iTIP REPLY that Python's icalendar makes, dropped into the
answers maildir, is recorded as the person's answer; a plain-text mail, a reply for
someone else and a reply to an unknown event are moved aside with the reason, never
lost; and the running daemon reads the same maildir on its own."""

import datetime as dt
import email
import email.policy
import sqlite3
import time
from email.message import EmailMessage
from pathlib import Path

import icalendar

from conftest import assert_invitation
from test_reminders import FROM, import_shipped_items
from test_serve import Daemon

MEETING = "ledningsgruppen-2021-09-08"
KD = "kd.huddinge@example.org"


def kallelse_invitation(run, state, tmp_path):
    """The invitation in kd.huddinge's kallelse, as the mail app received it."""
    out = tmp_path / "sent"
    result = run("remind", "--state", str(state), "--now", "2021-08-30T08:00:00+02:00", "--mail-from", FROM,
                 "--mail", f"maildir:{out}")
    assert result.returncode == 0, result.stdout + result.stderr
    for path in (out / "new").iterdir():
        message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        if KD in str(message["To"]):
            return assert_invitation(message, KD)
    raise AssertionError("no kallelse to " + KD)


def reply(invitation, attendee: str, partstat: str, sender: str, uid: str | None = None) -> bytes:
    """What Accept or Decline in a calendar app mails to the organizer (RFC 5546 §3.2.3, RFC 6047)."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Kalendarium black-box//Reply//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "REPLY")
    event = icalendar.Event()
    event.add("uid", uid or str(invitation["UID"]))
    event.add("sequence", int(invitation["SEQUENCE"]))
    event.add("dtstamp", dt.datetime(2021, 8, 31, 7, 15, tzinfo=dt.timezone.utc))
    event.add("dtstart", invitation.decoded("DTSTART"))
    event["organizer"] = invitation["ORGANIZER"]
    answer = icalendar.vCalAddress(f"mailto:{attendee}")
    answer.params["PARTSTAT"] = icalendar.vText(partstat)
    answer.params["CN"] = icalendar.vText("Kommundirektör Huddinge")
    event.add("attendee", answer)
    calendar.add_component(event)
    message = EmailMessage()
    message["From"] = sender
    message["To"] = "sekretariat@example.org"
    message["Subject"] = f"{'Accepterat' if partstat == 'ACCEPTED' else 'Avböjt'}: Ledningsgruppen"
    message.set_content("Svar från kalendern.")
    message.add_alternative(calendar.to_ical(), maintype="text", subtype="calendar", params={"method": "REPLY"})
    return bytes(message)


def deliver(inbox: Path, name: str, data: bytes):
    """As an MTA delivers into a maildir: written in tmp/, renamed into new/."""
    for folder in ("tmp", "new", "cur"):
        (inbox / folder).mkdir(parents=True, exist_ok=True)
    (inbox / "tmp" / name).write_bytes(data)
    (inbox / "tmp" / name).rename(inbox / "new" / name)


def answers(state):
    with sqlite3.connect(state / "kalendarium.sqlite") as db:
        return db.execute("SELECT meeting, email, kind, via, at FROM answer ORDER BY id").fetchall()


def test_a_calendar_reply_is_an_answer_and_the_rest_is_moved_aside(run, tmp_path):
    state = tmp_path / "state"
    import_shipped_items(run, state)
    assert run("agenda", "publish", MEETING, "--state", str(state), "--now", "2021-08-25T10:00:00+02:00").returncode == 0
    invitation = kallelse_invitation(run, state, tmp_path)
    inbox = tmp_path / "svar"
    deliver(inbox, "1630394100.1.host", reply(invitation, KD, "DECLINED", f"Kommundirektör Huddinge <{KD}>"))
    deliver(inbox, "1630394100.2.host", b"From: kd.sodertalje@example.org\r\nSubject: Re: Kallelse\r\n\r\n"
                                        b"Jag kan tyv\xc3\xa4rr inte komma.\r\n")
    deliver(inbox, "1630394100.3.host", reply(invitation, KD, "ACCEPTED", "someone.else@example.org"))
    deliver(inbox, "1630394100.4.host", reply(invitation, KD, "ACCEPTED", KD, uid="abc123@google.com"))

    result = run("remind", "--state", str(state), "--now", "2021-08-31T10:00:00+02:00", "--mail-from", FROM,
                 "--mail", f"maildir:{tmp_path / 'sent'}", "--mail-in", f"maildir:{inbox}")
    assert result.returncode == 0, result.stdout + result.stderr
    recorded = [line for line in result.stdout.splitlines() if line.startswith("answer recorded:")]
    aside = [line for line in result.stdout.splitlines() if line.startswith("answer not matched, moved aside:")]
    assert len(recorded) == 1 and len(aside) == 3, result.stdout
    # Declined in the calendar app: recorded at the reply's DTSTAMP, as an invitation answer.
    assert answers(state) == [(MEETING, KD, "not-coming", "invitation", 1630394100)]
    # Nothing lost: every message is in Done or Unmatched, none left waiting.
    assert list((inbox / "new").iterdir()) == [] and list((inbox / "cur").iterdir()) == []
    assert [p.name for p in (inbox / ".Kalendarium.Done" / "cur").iterdir()] == ["1630394100.1.host:2,S"]
    unmatched = sorted(p.name for p in (inbox / ".Kalendarium.Unmatched" / "new").iterdir())
    assert unmatched == ["1630394100.2.host", "1630394100.3.host", "1630394100.4.host"]
    log = (inbox / ".Kalendarium.Unmatched" / "unmatched.log").read_text()
    assert "no calendar reply in it" in log
    assert "sent by someone.else@example.org" in log
    assert "abc123@google.com is not one of Kalendarium's meetings" in log
    # Read again: nothing new, nothing twice.
    again = run("remind", "--state", str(state), "--now", "2021-08-31T11:00:00+02:00", "--mail-from", FROM,
                "--mail", f"maildir:{tmp_path / 'sent'}", "--mail-in", f"maildir:{inbox}")
    assert again.returncode == 0 and "answer recorded" not in again.stdout
    assert len(answers(state)) == 1
    # A wrong --mail-in says what to write.
    wrong = run("remind", "--state", str(state), "--now", "2021-08-31T10:00:00+02:00", "--mail-in", str(inbox))
    assert wrong.returncode == 1 and f"write maildir:{inbox}" in wrong.stderr


def test_the_daemon_reads_the_answers_maildir(kalendarium_bin, run, tmp_path):
    inbox = tmp_path / "svar"
    d = Daemon(kalendarium_bin, tmp_path, "--mail-in", f"maildir:{inbox}", "--reminder-interval", "0.3")
    state = tmp_path / "state"
    try:
        # An answer to a meeting that is over is moved aside, with the reason, by the daemon itself.
        stale = icalendar.Event()
        stale.add("uid", f"{MEETING}@kalendarium.sodertornskommunerna.se")
        stale.add("dtstamp", dt.datetime(2021, 8, 31, 7, 15, tzinfo=dt.timezone.utc))
        stale.add("dtstart", dt.datetime(2021, 9, 8, 8, 30))
        stale.add("sequence", 0)
        stale["organizer"] = icalendar.vCalAddress("mailto:sekretariat@example.org")
        deliver(inbox, "1630394100.9.host", reply(stale, KD, "ACCEPTED", KD))
        deadline = time.monotonic() + 20
        log = inbox / ".Kalendarium.Unmatched" / "unmatched.log"
        # The daemon creates the file, then appends its line: wait for the line, not the file.
        while time.monotonic() < deadline and not (log.exists() and log.read_text().endswith("\n")):
            time.sleep(0.1)
        assert log.exists(), d.proc.stderr
        assert "is over or cancelled" in log.read_text()
        assert not (state / "kalendarium.sqlite").exists() or answers(state) == []
    finally:
        d.stop()
