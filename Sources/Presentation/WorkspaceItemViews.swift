public import KalendariumCore
import Mustache

/// *Ärenden*: the items as a filtered list with a form for a new one, and one item
/// with its history and the form that changes it.
extension WorkspacePage {
    /// The list's filter, as the query says.
    public struct ItemQuery: Sendable {
        /// `oppna` (the default), `alla`, or a status's raw value.
        public var status: String
        public var body: String
        public var text: String

        public init(status: String = "oppna", body: String = "", text: String = "") {
            self.status = status
            self.body = body
            self.text = text
        }
    }

    static let statusChoices: [(String, String)] =
        [("oppna", "Öppna"), ("alla", "Alla")] + Item.Status.allCases.map { ($0.rawValue, Swedish.status($0)) }

    /// What an owner select offers: every municipality, network, role and person.
    static func ownerChoices(_ data: CalendarData, people: [Recipient]) -> [(String, String)] {
        data.municipalities.map { ("municipality:\($0.slug)", "Kommun: \($0.name)") }
            + data.networks.map { ("network:\($0.slug)", "Nätverk: \($0.name)") }
            + Role.allCases.map { ("role:\($0.rawValue)", "Roll: \(Swedish.owner(.role($0), data))") }
            + people.map { ("person:\($0.name)", "Person: \($0.name)") }
    }

    public static func items(
        _ viewer: Viewer, items: [Item], query: ItemQuery, data: CalendarData, people: [Recipient], today: LocalDate,
        form: Fields = [:], notice: String? = nil, error: String? = nil
    ) -> String {
        let context: [String: Any] = [
            "statuses": statusChoices.map { ["value": $0.0, "label": $0.1, "selected": $0.0 == query.status] },
            "bodies": data.bodies.map { ["slug": $0.slug, "name": $0.name, "selected": $0.slug == query.body] },
            "query": query.text, "count": items.count, "hasItems": !items.isEmpty,
            "items": items.map { item -> [String: Any] in
                [
                    "id": item.id ?? 0, "href": "/arbetsyta/arenden/\(item.id ?? 0)", "title": item.title,
                    "due": item.due.map(Swedish.shortDate) ?? "–", "late": isLate(item, today),
                    "owners": owners(item, data), "status": Swedish.status(item.status),
                ]
            },
            "mayEdit": viewer.person.mayEditData, "csrf": viewer.csrf,
            "owners": ownerChoices(data, people: people).map {
                ["value": $0.0, "label": $0.1, "selected": $0.0 == form["ansvarig"]]
            },
            "form": [
                "title": form["titel"] ?? "", "description": form["beskrivning"] ?? "", "due": form["klart"] ?? "",
            ],
        ]
        return layout(
            title: "Ärenden", viewer: viewer, section: .items, main: Templates.workspaceItems.render(context),
            notice: notice, error: error)
    }

    static func isLate(_ item: Item, _ today: LocalDate) -> Bool {
        item.status.isOpen && (item.due.map { $0 < today } ?? false)
    }

    public static func item(
        _ viewer: Viewer, _ item: Item, data: CalendarData, today: LocalDate, audit: [AuditEntry],
        notice: String? = nil, error: String? = nil
    ) -> String {
        let context: [String: Any] = [
            "id": item.id ?? 0, "title": item.title, "description": item.description,
            "status": Swedish.status(item.status), "due": item.due.map(Swedish.shortDate) as Any,
            "dueISO": item.due.map { "\($0)" } ?? "", "late": isLate(item, today),
            "owners": owners(item, data), "body": data.body(item.body)?.name as Any,
            "mayEdit": viewer.person.mayEditData, "csrf": viewer.csrf, "action": "/arbetsyta/arenden/\(item.id ?? 0)",
            "statuses": Item.Status.allCases.map {
                ["value": $0.rawValue, "label": Swedish.status($0), "selected": $0 == item.status]
            },
            "history": item.history.map { "\(Swedish.shortDate($0.date)): \(Swedish.status($0.status)) – \($0.text)" }
                + audit.map { "\(Swedish.localTime($0.at)): \($0.email) – \($0.action)" },
        ]
        return layout(
            title: "Ärende \(item.id ?? 0)", viewer: viewer, section: .items,
            main: Templates.workspaceItem.render(context), notice: notice, error: error)
    }

    public static let paperTooLarge =
        "Handlingen är för stor: högst \(PaperContent.maximumBytes / (1024 * 1024)) MiB. Lägg en större fil på en filyta och länka till den."

    /// `paperURL`: where a paper of the agenda is read (the meeting page's address,
    /// with the person's own token for a members-only body).
    public static func agenda(
        _ viewer: Viewer, _ agenda: Agenda, meeting: Meeting, data: CalendarData, notice: String? = nil,
        error: String? = nil, paperURL: @escaping (String) -> String = { $0 }
    ) -> String {
        let body = data.body(meeting.subject.slug)
        let editable = viewer.person.mayEditAgendas
        let accepted = agenda.accepted
        let action = "/arbetsyta/moten/\(meeting.id)/dagordning"
        let kinds = [AgendaKind.information, .discussion, .decision, .standing].map {
            ($0.rawValue, Swedish.agendaKind($0) ?? "Stående punkt")
        }
        let context: [String: Any] = [
            "title": Swedish.meetingTitle(meeting, data).capitalizedFirst, "when": Swedish.when(meeting),
            "meetingHref": "/arbetsyta/moten/\(meeting.id)", "action": "/arbetsyta/moten/\(meeting.id)/dagordning",
            "csrf": viewer.csrf, "mayEdit": editable, "state": agendaState(agenda),
            "canPublish": !accepted.isEmpty && agenda.hasUnpublishedChanges,
            "hasPoints": !accepted.isEmpty,
            "points": accepted.enumerated().map { index, point -> [String: Any] in
                [
                    "number": index + 1, "title": point.title, "kind": Swedish.agendaKind(point.kind) as Any,
                    "papers": point.papers.map { paper -> [String: String] in
                        if case .link(let url) = paper.source { return ["name": paper.name, "href": url] }
                        return ["name": paper.name, "href": paperURL(paper.name)]
                    },
                    "stored": point.papers.map { ["name": $0.name, "action": action, "csrf": viewer.csrf] },
                    "kinds": kinds.map { ["value": $0.0, "label": $0.1, "selected": $0.0 == point.kind.rawValue] },
                    "first": index == 0, "last": index == accepted.count - 1,
                    "maxMiB": PaperContent.maximumBytes / (1024 * 1024),
                    "accept": PaperContent.allowedExtensions.map { "." + $0 }.joined(separator: ","),
                    "mayEdit": editable, "action": "/arbetsyta/moten/\(meeting.id)/dagordning", "csrf": viewer.csrf,
                ]
            },
            "kinds": kinds.map { ["value": $0.0, "label": $0.1] },
            "hasProposals": !agenda.proposals.isEmpty,
            "proposals": agenda.proposals.map { point -> [String: Any] in
                [
                    "key": point.key, "title": point.title, "by": point.proposal?.by ?? "",
                    "on": point.proposal.map { Swedish.shortDate($0.on) } ?? "",
                    "reason": point.proposal.flatMap { $0.reason.isEmpty ? nil : $0.reason } as Any,
                    "mayDecide": viewer.person.mayDecideProposals(meeting, in: data),
                    "action": "/arbetsyta/moten/\(meeting.id)/dagordning", "csrf": viewer.csrf,
                ]
            },
            "mayPropose": body.map { viewer.person.mayPropose(to: $0) } ?? false,
        ]
        return layout(
            title: "Dagordning", viewer: viewer, section: .meetings, main: Templates.workspaceAgenda.render(context),
            notice: notice, error: error)
    }
}
