public import KalendariumCore
import Presentation

/// Writes meetings in the form of the hand-written year files, so a plan can be
/// reviewed and adopted as `calendars/YYYY.yaml`, and an extra meeting appended.
public enum MeetingYAML {
    /// A whole year file: a header comment, then each meeting with the reason for it.
    public static func yearFile(_ plan: YearPlan, data: CalendarData, header: [String]) -> String {
        var out = header.map { "# \($0)\n" }.joined()
        out += "meetings:\n"
        for planned in plan.meetings {
            out += "\n"
            out += wrap(planned.reason.description).map { "  # \($0)\n" }.joined()
            out += entry(planned.meeting, data: data, note: planned.note.map { Swedish.planNote($0, data) })
        }
        return out
    }

    /// The header of a planned year file: where it came from, and what a person must
    /// still add (the chairs no plan can know, the rules that gave way).
    public static func planHeader(_ plan: YearPlan, data: CalendarData, by whom: String) -> [String] {
        let year = plan.year
        return [
            "Kalendarium \(year): proposed by \(whom) from calendars/rules.yaml.",
            "Each comment says why that date. Review, adjust, then run `kalendarium check`.",
        ]
            + data.bodies.filter { $0.chairs(in: year) == nil }.map {
                "Add \($0.name)'s chairs for \(year) to bodies.yaml when they are elected."
            } + plan.relaxations.map { "Rule that gave way: \($0)" }
    }

    /// One list item, indented for the `meetings:` list. Keys a reader would leave out
    /// (the body's usual time, `kind: ordinary`, `status: planned`) are left out.
    /// `note` replaces the meeting's own note (a plan's note, in Swedish).
    public static func entry(_ meeting: Meeting, data: CalendarData, note: String? = nil) -> String {
        var lines: [String] = []
        switch meeting.subject {
        case .body(let slug): lines.append("body: \(slug)")
        case .conference(let slug): lines.append("conference: \(slug)")
        }
        if meeting.id != Meeting(subject: meeting.subject, schedule: meeting.schedule).id {
            lines.append("id: \(meeting.id)")
        }
        let defaultKind: Meeting.Kind = {
            if case .conference = meeting.subject { return .conference } else { return .ordinary }
        }()
        if meeting.kind != defaultKind { lines.append("kind: \(meeting.kind.rawValue)") }
        switch meeting.schedule {
        case .timed(let sd, let s, let ed, let e):
            lines.append("date: \(sd)")
            if ed != sd { lines.append("end-date: \(ed)") }
            let body: Body? = {
                if case .body(let slug) = meeting.subject { return data.body(slug) } else { return nil }
            }()
            if body?.start != s || body?.end != e { lines.append("time: \(s)-\(e)") }
        case .allDay(let first, let last):
            lines.append("date: \(first)")
            if last != first { lines.append("end-date: \(last)") }
            if case .body = meeting.subject { lines.append("all-day: true") }
        case .undated(_, let season):
            if let season { lines.append("season: \(season.rawValue)") }
        }
        if let m = meeting.place?.municipality { lines.append("municipality: \(m)") }
        if let v = meeting.place?.venue { lines.append("venue: \(quoted(v))") }
        if let d = meeting.place?.digital { lines.append("digital: " + (d.platform.map(quoted) ?? "true")) }
        if meeting.status != .planned { lines.append("status: \(meeting.status.rawValue)") }
        if let day = meeting.cancellation?.decided { lines.append("cancelled-on: \(day)") }
        if let reason = meeting.cancellation?.reason { lines.append("cancelled-reason: \(quoted(reason))") }
        if let note = note ?? meeting.note { lines.append("note: \(quoted(note))") }
        if let chair = meeting.chair {
            lines.append(
                "chair: "
                    + (chair.municipality.map { "{name: \(quoted(chair.name)), municipality: \($0)}" }
                        ?? quoted(chair.name)))
        }
        if !meeting.guests.isEmpty { lines.append("guests: [\(meeting.guests.map(quoted).joined(separator: ", "))]") }
        return lines.enumerated().map { i, line in (i == 0 ? "  - " : "    ") + line + "\n" }.joined()
    }

    /// A YAML double-quoted scalar: safe for any text, including `:`, `#`, quotes and line breaks.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\x" + (scalar.value < 16 ? "0" : "") + String(scalar.value, radix: 16)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// Splits a comment into lines of about 100 characters.
    static func wrap(_ text: String) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if current.count + word.count + 1 > 100, !current.isEmpty {
                lines.append(current)
                current = ""
            }
            current += current.isEmpty ? String(word) : " " + word
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
