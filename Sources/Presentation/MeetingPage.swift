public import KalendariumCore
import Mustache

/// The page of one meeting (`/meetings/{id}`): when, where, who chairs, and its
/// published agenda with papers; readable on a phone and printable as a clean A4
/// dagordning (the print stylesheet in `Templates/meeting.html.mustache`).
public enum MeetingPage {
    /// The page's address under the public page URL.
    public static func url(pageURL: String, meeting: String) -> String {
        base(pageURL) + "meetings/\(meeting)"
    }

    /// A stored paper's address; `token` is the per-person token of a members-only body.
    public static func paperURL(pageURL: String, meeting: String, name: String, token: String? = nil) -> String {
        url(pageURL: pageURL, meeting: meeting) + "/papers/\(name)" + (token.map { "?token=\($0)" } ?? "")
    }

    /// The page. `points` are the published version's (or, for the secretariat's
    /// preview with `draft`, the draft's).
    public static func html(
        _ meeting: Meeting, agenda points: [AgendaPoint]?, data: CalendarData, openItems: [Item],
        paperURL: (String) -> String, draft: Bool = false, pageURL: String = "/", version: Int? = nil
    ) throws -> String {
        let lines = Swedish.agendaLines(points ?? [], of: meeting, data, openItems: openItems, paperURL: paperURL)
        var context: [String: Any] = [
            "title": Swedish.meetingTitle(meeting, data).capitalizedFirst, "when": Swedish.when(meeting),
            "pageURL": pageURL, "draft": draft, "hasPoints": !lines.isEmpty,
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
        return Templates.meeting.render(context)
    }

    static func base(_ pageURL: String) -> String { pageURL.hasSuffix("/") ? pageURL : pageURL + "/" }
}
