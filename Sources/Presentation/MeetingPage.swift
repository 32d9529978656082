public import KalendariumCore
import Mustache

/// The page of one meeting (`/meetings/{id}`): when, where, who chairs, and its
/// published agenda with papers; readable on a phone and printable as a clean A4
/// dagordning (the print stylesheet in `Templates/meeting.html.mustache`).
public enum MeetingPage {
    /// The page's address under the public page URL; `token` is the per-person token of
    /// a members-only body.
    public static func url(pageURL: String, meeting: String, token: String? = nil) -> String {
        base(pageURL) + "meetings/\(meeting)" + (token.map { "?token=\($0)" } ?? "")
    }

    /// A person's link to answer a meeting's kallelse (``AnswerChoice``): it opens a page
    /// that asks to confirm, and only the confirmation records the answer.
    public static func answerURL(pageURL: String, meeting: String, token: String, choice: AnswerChoice?) -> String {
        url(pageURL: pageURL, meeting: meeting) + "/svar?token=\(token)" + (choice.map { "&svar=\($0.rawValue)" } ?? "")
    }

    /// A stored paper's address; `token` is the per-person token of a members-only body.
    public static func paperURL(pageURL: String, meeting: String, name: String, token: String? = nil) -> String {
        url(pageURL: pageURL, meeting: meeting) + "/papers/\(name)" + (token.map { "?token=\($0)" } ?? "")
    }

    /// The page. `points` are the published version's (or, for the secretariat's
    /// preview with `draft`, the draft's). `restricted`: a members-only body's page seen
    /// without a valid token, which says when and where but not the agenda.
    public static func html(
        _ meeting: Meeting, agenda points: [AgendaPoint]?, data: CalendarData, openItems: [Item],
        paperURL: (String) -> String, draft: Bool = false, pageURL: String = "/", version: Int? = nil,
        restricted: Bool = false, minutes: MinutesView? = nil, answers: MeetingAnswers? = nil
    ) throws -> String {
        let lines = Swedish.agendaLines(points ?? [], of: meeting, data, openItems: openItems, paperURL: paperURL)
        var context: [String: Any] = [
            "title": Swedish.meetingTitle(meeting, data).capitalizedFirst, "when": Swedish.when(meeting),
            "pageURL": pageURL, "draft": draft, "hasPoints": !lines.isEmpty, "restricted": restricted,
            "points": lines.map { line -> [String: Any] in
                var point: [String: Any] = [
                    "number": line.number, "title": line.title, "filled": line.filled,
                    "hasFilled": !line.filled.isEmpty,
                    "papers": line.papers.map { ["name": $0.name, "url": $0.url] }, "hasPapers": !line.papers.isEmpty,
                ]
                let meta = [line.kind, line.presenter, line.slot].compactMap { $0 }
                if !meta.isEmpty { point["meta"] = meta.joined(separator: ", ") }
                if !line.notes.isEmpty { point["notes"] = line.notes }
                return point
            },
        ]
        context["place"] = Swedish.place(meeting.place, data)
        context["chair"] = Swedish.chair(of: meeting, data)
        context["status"] = Swedish.status(meeting.status)
        context["version"] = version
        if let answers { context["answers"] = answersSection(answers, data) }
        context["minutesArticle"] = minutes?.article(pageURL: pageURL)
        return Templates.meeting.render(context)
    }

    /// The answer for a meeting that is not in the calendar (404).
    public static func notFound(pageURL: String) -> String {
        simple(
            title: "Mötet finns inte",
            text: "Det finns inget möte med den adressen i kalendariet. Kanske har det flyttats till en annan dag?",
            pageURL: pageURL)
    }

    /// The answer before any calendar data has loaded, or when the store does not answer (503).
    public static let unavailable = simple(
        title: "Sidan kan inte visas just nu",
        text: "Kalendariet kan inte läsa sina uppgifter. Försök igen om en stund.",
        pageURL: "/")

    /// The answer for a paper that is not among the published agenda's (404).
    public static let paperMissing = "Handlingen finns inte.\n"

    /// The answer for a members-only body's paper without a valid token (403).
    public static let papersForMembers = "Handlingarna visas för kommitténs ledamöter: använd länken i kallelsen.\n"

    /// A short page with a heading, one paragraph and the way back; `pageURL` must be a
    /// URL of ours (it is not escaped).
    public static func simple(title: String, text: String, pageURL: String) -> String {
        """
        <!doctype html>
        <html lang="sv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title) – Södertörnskommunernas kalendarium</title></head>
        <body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem">
        <h1>\(title)</h1><p>\(text)</p><p><a href="\(pageURL)">Alla möten</a></p></body></html>

        """
    }

    static func base(_ pageURL: String) -> String { pageURL.hasSuffix("/") ? pageURL : pageURL + "/" }

    /// The answers and the forecast, for the secretariat's and the chair's eyes only.
    static func answersSection(_ answers: MeetingAnswers, _ data: CalendarData) -> [String: Any] {
        let rows = answers.invitees.map { invitee -> [String: Any] in
            var row: [String: Any] = [
                "name": invitee.recipient.name, "member": invitee.isMember,
                "municipality": invitee.recipient.municipality.flatMap { data.municipality($0)?.name } ?? "",
                "answer": invitee.answer.map { Swedish.answer($0.answer) } ?? "Inte svarat",
            ]
            if let record = invitee.answer {
                row["at"] = Swedish.localTime(record.at)
                row["via"] = Swedish.channel(record.via)
                row["comment"] = record.answer.comment
            }
            return row
        }
        var section: [String: Any] = ["forecast": Swedish.forecast(answers.forecast), "rows": rows]
        let nobody = answers.forecast.seats.filter { $0.state == .nobodyInvited }.map(\.name)
        if !nobody.isEmpty { section["nobody"] = Swedish.list(nobody) }
        return section
    }
}
