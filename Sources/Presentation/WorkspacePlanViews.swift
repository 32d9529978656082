public import KalendariumCore
import Mustache

/// *Värdskap* (the host rotation years ahead and its decided overrides) and
/// *Planera år* (`kalendarium plan YEAR --diff` in the browser, and adopting it).
extension WorkspacePage {
    static let overrideKinds: [(String, String)] = [
        ("byte", "Två år byter värdar"), ("installt", "Året ställs in"), ("digitalt", "Hålls digitalt"),
        ("vardar", "Utsedda värdar"),
    ]

    public static func rotation(
        _ viewer: Viewer, data: CalendarData, from year: Int, form: Fields = [:], hosts: [String] = [],
        notice: String? = nil, error: String? = nil, preview: Change? = nil
    ) -> String {
        let names: (String) -> String = { data.municipality($0)?.name ?? $0 }
        let conferences = data.conferences.map { conference -> [String: Any] in
            let rotation = try? HostRotation(conference: conference, municipalities: data.municipalities)
            let entries = rotation?.entries(in: year...(year + 9)) ?? []
            return [
                "slug": conference.slug, "name": conference.name,
                "years": entries.map {
                    [
                        "year": $0.year, "hosts": Swedish.hostCell($0, data),
                        "reason": Swedish.reason($0.reason, names: names),
                    ]
                },
                "hasOverrides": !conference.overrides.isEmpty,
                "overrides": conference.overrides.map { override in
                    "\(override.years.map(String.init).joined(separator: " och ")): \(describe(override.change, names))"
                        + (override.note.map { " – \($0)" } ?? "")
                },
            ]
        }
        let chosen = form["konferens"] ?? data.conferences.first?.slug ?? ""
        let context: [String: Any] = [
            "conferences": conferences, "mayEdit": viewer.person.mayEditData, "csrf": viewer.csrf,
            "choices": data.conferences.map { ["slug": $0.slug, "name": $0.name, "selected": $0.slug == chosen] },
            "kinds": overrideKinds.map { ["value": $0.0, "label": $0.1, "selected": $0.0 == form["typ"]] },
            "municipalities": data.municipalities.filter { $0.isMember(in: year) }.map {
                ["slug": $0.slug, "name": $0.name, "checked": hosts.contains($0.slug)]
            },
            "form": ["year": form["ar"] ?? "\(year + 1)", "year2": form["ar2"] ?? "", "note": form["notering"] ?? ""],
        ]
        var main = Templates.workspaceRotation.render(context)
        if let preview { main = change(preview, csrf: viewer.csrf) + main }
        return layout(title: "Värdskap", viewer: viewer, section: .rotation, main: main, notice: notice, error: error)
    }

    static func describe(_ change: RotationOverride.Change, _ names: (String) -> String) -> String {
        switch change {
        case .swap: "byte av värdar"
        case .cancelled: "inställt"
        case .digital: "digitalt"
        case .hosts(_, let hosts): "värdar \(Swedish.list(hosts.map(names)))"
        case .moved(_, let move): "flyttat till \(Swedish.moved(move))"
        }
    }

    public static func plan(
        _ viewer: Viewer, _ plan: YearPlan, data: CalendarData, notice: String? = nil, error: String? = nil,
        preview: Change? = nil
    ) -> String {
        let planned = Set(plan.meetings.map(\.meeting.id))
        let existing = data.meetings.filter { $0.year == plan.year }
        let added = plan.meetings.filter { !$0.isFixed }.count
        let context: [String: Any] = [
            "year": plan.year,
            "summary":
                "\(plan.meetings.count) möten och konferenser, varav \(added) nya; \(existing.count) finns redan i kalendern.",
            "hasRelaxations": !plan.relaxations.isEmpty, "relaxations": plan.relaxations.map(\.description),
            "meetings": plan.meetings.map { p -> [String: Any] in
                [
                    "when": Swedish.when(p.meeting), "title": Swedish.meetingTitle(p.meeting, data).capitalizedFirst,
                    "place": Swedish.place(p.meeting.place, data) ?? "", "state": p.isFixed ? "finns redan" : "ny",
                ]
            },
            "hasRemoved": existing.contains { !planned.contains($0.id) },
            "removed": existing.filter { !planned.contains($0.id) }.map {
                "\(Swedish.when($0)): \(Swedish.meetingTitle($0, data))"
            },
        ]
        var main = Templates.workspacePlan.render(context)
        if let preview { main += change(preview, csrf: viewer.csrf, button: "Anta planen") }
        return layout(
            title: "Planera \(plan.year)", viewer: viewer, section: .plan, main: main, notice: notice, error: error)
    }
}
