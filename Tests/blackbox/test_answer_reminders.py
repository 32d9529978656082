"""The reminder to answer the kallelse and the quorum warning (issue 17, point 2),
against a real SMTP server (aiosmtpd): three working days before the meeting, one
reminder to each member who got the kallelse and has not answered, with their own
answer links, and one warning to the secretariat naming the seats that are missing;
nothing the day before, nothing twice."""

import re
import sqlite3

from test_reminders import FROM, import_shipped_items

MEETING = "ledningsgruppen-2021-09-08"  # a Wednesday: the kallelse Thursday 26 August
KALLELSE = "2021-08-30T08:00:00+02:00"
REMINDER_DAY = "2021-09-03T08:00:00+02:00"  # Friday: three working days before


def remind(run, state, smtp, now):
    result = run("remind", "--state", str(state), "--now", now, "--mail-from", FROM,
                 "--mail", f"smtp://127.0.0.1:{smtp.port}?starttls=never&timeout=5")
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def text(message):
    return message.get_body(("plain",)).get_content().replace("\r\n", "\n")


def test_those_who_have_not_answered_are_reminded_and_the_secretariat_warned(run, tmp_path, smtp):
    state = tmp_path / "state"
    import_shipped_items(run, state)
    assert run("agenda", "publish", MEETING, "--state", str(state), "--now", "2021-08-25T10:00:00+02:00").returncode == 0
    remind(run, state, smtp, KALLELSE)
    # A person with more to hear of that day gets it in the same mail, under another subject.
    kallelser = [m for m in smtp.sink.messages if f"/meetings/{MEETING}/svar?token=" in text(m)]
    assert sorted(str(m["To"]) for m in kallelser) == [
        "Helene Olofsson <utvecklingsledare@example.org>",
        "Kommundirektör Huddinge <kd.huddinge@example.org>",
        "Kommundirektör Södertälje <kd.sodertalje@example.org>"]
    # Each kallelse carries its recipient's own four answer links.
    links = {}
    for m in kallelser:
        found = re.findall(r"^  (Jag [^:]+): (\S+)$", text(m), re.M)
        assert [label for label, _ in found] == [
            "Jag kommer", "Jag kommer inte", "Jag skickar ersättare", "Jag kommer delvis"], text(m)
        assert all(f"/meetings/{MEETING}/svar?token=" in url for _, url in found)
        links[str(m["To"])] = {url.split("token=")[1].split("&")[0] for _, url in found}
    assert all(len(tokens) == 1 for tokens in links.values())
    assert len({next(iter(t)) for t in links.values()}) == 3  # one token per person

    # Huddinge answers; Södertälje does not.
    with sqlite3.connect(state / "kalendarium.sqlite") as db:
        db.execute("INSERT INTO answer (meeting, email, kind, via, at) VALUES (?, 'kd.huddinge@example.org', "
                   "'coming', 'link', 1630400000)", (MEETING,))
    before = len(smtp.sink.messages)
    day_before = remind(run, state, smtp, "2021-09-02T08:00:00+02:00")
    assert "answer-reminder" not in day_before.stdout and "quorum-warning" not in day_before.stdout

    due = remind(run, state, smtp, REMINDER_DAY)
    assert f"meeting:{MEETING}:answer-reminder:2021-09-08" in due.stdout, due.stdout
    new = smtp.sink.messages[before:]
    reminders = [m for m in new if "Du har inte svarat på kallelsen" in text(m)]
    # Only Södertälje's kommundirektör is reminded (the secretariat is no member).
    assert [str(m["To"]) for m in reminders] == ["Kommundirektör Södertälje <kd.sodertalje@example.org>"]
    body = text(reminders[0])
    assert "Du har inte svarat på kallelsen till ledningsgruppens planeringskonferens onsdag 8 september" in body
    token = next(iter(links["Kommundirektör Södertälje <kd.sodertalje@example.org>"]))
    assert f"  Jag kommer: http://127.0.0.1:8080/meetings/{MEETING}/svar?token={token}&svar=kommer\n" in body
    # One of eight municipalities is short of four: both of the secretariat are warned, by name.
    warnings = [m for m in new if "ser inte ut att bli beslutfört" in text(m)]
    assert sorted(str(m["To"]) for m in warnings) == [
        "Anna Söderström <sekreterare@example.org>", "Helene Olofsson <utvecklingsledare@example.org>"]
    warning = text(warnings[0])
    assert "1 av 8\nkommuner har anmält att de är företrädda, och minst 4 behövs" in warning, warning
    assert "Har inte svarat: Södertälje (Kommundirektör Södertälje)." in warning
    assert "Ingen i mottagarlistan för: Botkyrka, Haninge, Nykvarn, Nynäshamn, Salem och Tyresö." in warning
    assert f"(kalendarium answers {MEETING})" in warning

    # Once only.
    again = remind(run, state, smtp, "2021-09-06T08:00:00+02:00")
    assert "answer-reminder" not in again.stdout and "quorum-warning" not in again.stdout
