import Foundation
public import KalendariumCore

/// Reads agendas to import (`data/agendas-from-minutes.yaml`): the agendas of meetings
/// whose minutes the seeds hold, point by point.
///
/// ```yaml
/// agendas:
///   - meeting: ledningsgruppen-2021-08-20
///     published: true
///     points:
///       - {title: Välkommen, kind: standing, presenter: person:Magnus Gyllestad}
///       - {title: Utestående ärenden och föregående möten, kind: standing, fill: open-items}
/// ```
public enum AgendaFile {
    /// The agendas in `path`, checked against the calendar; a `published` one is
    /// version 1 as of `now` (the day it reaches Kalendarium, not an invented past date).
    public static func agendas(_ path: String, data: CalendarData, now: UTCInstant) -> ([Agenda], [Diagnostic]) {
        var errors: [Diagnostic] = []
        guard let doc = PeopleAndItemsFiles.document(path, keys: ["agendas"], into: &errors) else {
            return ([], errors)
        }
        let list = DefinitionFiles.entries(doc, list: "agendas", into: &errors) { (entry) throws(FileError) in
            let f = try entry.fields("an agenda", allowed: ["meeting", "published", "points"])
            let reference = try f.required("meeting")
            let id = try reference.string("a meeting id")
            guard let meeting = data.meetings.first(where: { $0.id == id }), case .body = meeting.subject else {
                throw reference.fail(
                    "no meeting of a body \"\(id)\"" + Suggestion.hint(for: id, in: data.meetings.map(\.id)),
                    rule: .unknownBody)
            }
            var points: [AgendaPoint] = []
            for (i, value) in try f.required("points").list("agenda points").enumerated() {
                let p = try value.fields("an agenda point", allowed: ["title", "kind", "fill", "presenter", "notes"])
                var presenter: Presenter?
                if let v = p["presenter"] {
                    let text = try v.string("a presenter")
                    guard let parsed = Presenter(text) else {
                        throw v.fail(
                            "\"\(text)\" is not a presenter; write person:NAME, role:ROLE, network:SLUG, municipality:SLUG or guest:NAME"
                        )
                    }
                    if let problem = parsed.problem(in: data) { throw v.fail(problem) }
                    presenter = parsed
                }
                points.append(
                    AgendaPoint(
                        key: i + 1, title: try p.required("title").string("a title"),
                        kind: try p["kind"]?.oneOf(AgendaKind.self, "kind") ?? .information, presenter: presenter,
                        notes: try p["notes"]?.string("text") ?? "", fill: try p["fill"]?.oneOf(AgendaFill.self, "fill")
                    ))
            }
            var agenda = Agenda(meeting: id, points: points)
            if try f["published"]?.bool("true or false") ?? false {
                do throws(AgendaError) { try agenda.publish(at: now) } catch { throw entry.fail(error.message) }
            }
            return agenda
        }
        return (list, errors)
    }
}
