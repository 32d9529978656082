import Foundation
public import KalendariumCore

/// Reads minutes to import (`data/minutes-from-seeds.yaml`): the seeds' two minutes,
/// with their attendance, points, decisions and the items those create, and the
/// earlier items the follow-up point reports on.
///
/// ```yaml
/// minutes:
///   - meeting: ledningsgruppen-2020-11-20
///     chair: Rickard Sundbom
///     secretary: Anna Söderström
///     approvers: [Helene Olofsson]
///     approved: true
///     attendance:
///       - {name: Leif Eriksson, municipality: botkyrka}
///       - {name: Gustav Fridlund, municipality: botkyrka, role: guest, part: "points:2"}
///     points:
///       - title: Välkommen
///         notes: Rickard Sundbom hälsar alla välkomna.
///         decisions:
///           - text: Att …
///             items: [{title: …, owners: [person:Helene Olofsson], due: 2020-12-23}]
///     follow-up-point: 4
///     follow-ups:
///       - {title: …, meeting: ledningsgruppen-2020-10-09, owners: [role:kansli], status: in-progress, note: Pågår}
/// ```
public enum MinutesFile {
    public static func minutes(_ path: String, data: CalendarData, now: UTCInstant) -> ([MinutesImport], [Diagnostic]) {
        var errors: [Diagnostic] = []
        guard let doc = PeopleAndItemsFiles.document(path, keys: ["minutes"], into: &errors) else {
            return ([], errors)
        }
        let list = DefinitionFiles.entries(doc, list: "minutes", into: &errors) { (entry) throws(FileError) in
            try read(entry, data: data)
        }
        return (list, errors)
    }

    static func read(_ entry: YAMLValue, data: CalendarData) throws(FileError) -> MinutesImport {
        let f = try entry.fields(
            "minutes",
            allowed: [
                "meeting", "chair", "secretary", "approvers", "approved", "attendance", "points", "follow-up-point",
                "follow-ups",
            ])
        let reference = try f.required("meeting")
        let id = try reference.string("a meeting id")
        guard let meeting = data.meetings.first(where: { $0.id == id }), case .body(let body) = meeting.subject,
            let day = meeting.schedule.firstDay
        else {
            throw reference.fail(
                "no dated meeting of a body \"\(id)\"" + Suggestion.hint(for: id, in: data.meetings.map(\.id)),
                rule: .unknownBody)
        }
        var content = Minutes.Content(
            chair: try f["chair"]?.string("a name"), secretary: try f["secretary"]?.string("a name"))
        for value in try f["attendance"]?.list("people") ?? [] {
            content.attendance.append(try attendance(value, data: data, year: meeting.year))
        }
        var decisionItems: [MinutesImport.DecisionItems] = []
        for (i, value) in try f.required("points").list("points").enumerated() {
            let p = try value.fields("a point", allowed: ["title", "notes", "decisions"])
            var point = MinutesPoint(
                number: i + 1, title: try p.required("title").string("a title"), notes: try p["notes"]?.string() ?? "")
            for (d, decisionValue) in try (p["decisions"]?.list("decisions") ?? []).enumerated() {
                let df = try decisionValue.fields("a decision", allowed: ["text", "items", "assignment"])
                let text = try df.required("text").string("the decision's words")
                let assignment = try df["assignment"]?.bool("true or false") ?? false
                point.decisions.append(Decision(text: text, assignment: assignment ? true : nil))
                var items: [Item] = []
                for itemValue in try df["items"]?.list("items") ?? [] {
                    var item = try PeopleAndItemsFiles.item(itemValue, data: data, defaultBody: body)
                    item.meeting = id
                    item.decision = text
                    item.point = i + 1
                    if let problem = item.problems(in: data).first { throw itemValue.fail(problem) }
                    items.append(item)
                }
                if !items.isEmpty { decisionItems.append(.init(point: i + 1, decision: d, items: items)) }
            }
            content.points.append(point)
        }
        if let value = f["follow-up-point"] {
            content.followUpPoint = try value.int("a point number", in: 1...max(content.points.count, 1))
        }
        var earlier: [MinutesImport.EarlierItem] = []
        for value in try f["follow-ups"]?.list("follow-ups") ?? [] {
            guard content.followUpPoint != nil else { throw value.fail("follow-ups need follow-up-point: N") }
            let keys = try value.fields("a follow-up", allowed: allowedItemKeys + ["follow-up", "note"])
            guard let status = keys["follow-up"] else {
                throw value.fail("a follow-up needs follow-up: in-progress, done, tabled or struck")
            }
            let followUp = try status.oneOf(FollowUp.Status.self, "follow-up status")
            let note = try keys["note"]?.string() ?? ""
            var item = try PeopleAndItemsFiles.item(
                value, data: data, defaultBody: body, extraKeys: ["follow-up", "note"])
            item.status = .open
            if let problem = item.problems(in: data).first { throw value.fail(problem) }
            earlier.append(.init(item: item, status: followUp, note: note))
        }
        let approvers = try (f["approvers"]?.list("names") ?? []).map { (v) throws(FileError) in try v.string("a name")
        }
        // The approvers the minutes name ("Justerades"); else the chair.
        let minutes = Minutes(
            meeting: id, draft: content, approvers: approvers.isEmpty ? [content.chair].compactMap { $0 } : approvers)
        return MinutesImport(
            minutes: minutes, decisionItems: decisionItems, earlierItems: earlier,
            approved: try f["approved"]?.bool("true or false") ?? false, day: day)
    }

    static let allowedItemKeys = [
        "title", "description", "body", "meeting", "decision", "owners", "due", "status", "history", "recurrence",
    ]

    static func attendance(_ value: YAMLValue, data: CalendarData, year: Int) throws(FileError) -> Attendance {
        let f = try value.fields(
            "a person",
            allowed: ["name", "municipality", "organisation", "role", "present", "substitute", "part", "note"])
        var municipality: String?
        if let m = f["municipality"] {
            let slug = try DefinitionFiles.slug(m)
            guard data.municipality(slug) != nil else {
                throw m.fail(
                    "unknown municipality \"\(slug)\""
                        + Suggestion.hint(for: slug, in: data.municipalities.map(\.slug)),
                    rule: .unknownMunicipality)
            }
            municipality = slug
        }
        var part: Attendance.Part?
        if let p = f["part"] {
            let text = try p.string("a part")
            guard let parsed = Attendance.Part(text) else {
                throw p.fail("\"\(text)\" is not a part; write points:2,3, until:10:00 or from:09:30")
            }
            part = parsed
        }
        let role = try f["role"]?.oneOf(Attendance.Role.self, "role") ?? .member
        if role == .member, municipality == nil {
            throw value.fail("a member represents a municipality; give municipality: SLUG (or role: guest)")
        }
        return Attendance(
            name: try f.required("name").string("a name"), municipality: municipality,
            organisation: try f["organisation"]?.string(), role: role,
            present: try f["present"]?.bool("true or false") ?? true, substitute: try f["substitute"]?.string("a name"),
            part: part, note: try f["note"]?.string())
    }
}
