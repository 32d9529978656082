public import KalendariumCore

/// One numbered point of an agenda as people read it, with the standing points
/// filled from the data: what the kallelse, the meeting page, the feeds and
/// `agenda show` all print.
public struct AgendaLine: Sendable, Hashable {
    public struct PaperLink: Sendable, Hashable {
        public let name: String
        public let url: String
    }

    public let number: Int
    public let title: String
    /// "Information", "Diskussion", "Beslut"; nil for a standing point.
    public let kind: String?
    public let presenter: String?
    /// "09.00–09.30".
    public let slot: String?
    public let notes: String
    public let papers: [PaperLink]
    /// The lines a standing point is filled with (the open items, the coming meetings).
    public let filled: [String]
}

extension Swedish {
    public static func agendaKind(_ kind: AgendaKind) -> String? {
        switch kind {
        case .standing: nil
        case .information: "Information"
        case .discussion: "Diskussion"
        case .decision: "Beslut"
        }
    }

    /// "Helene Olofsson", "kansliet", "Nätverket för näringslivschefer", "Haninge", "Helena Sundberg, Trafikverket".
    public static func presenter(_ presenter: Presenter, _ data: CalendarData) -> String {
        switch presenter {
        case .guest(let name): name
        case .owner(let owner): self.owner(owner, data)
        }
    }

    /// An item's owner or a point's presenter, as a name.
    public static func owner(_ owner: Owner, _ data: CalendarData) -> String {
        switch owner {
        case .person(let name): name
        case .role(.kso): "KSO"
        case .role(.kommundirektor): "kommundirektörerna"
        case .role(.kansli): "kansliet"
        case .role(.network): "nätverken"
        case .role(.registrator): "registratorerna"
        case .network(let slug): data.network(slug)?.name ?? slug
        case .municipality(let slug): data.municipality(slug)?.name ?? slug
        }
    }

    /// The agenda's points, numbered and filled. `paperURL` gives a stored paper's
    /// address (the meeting page's); links keep their own.
    public static func agendaLines(
        _ points: [AgendaPoint], of meeting: Meeting, _ data: CalendarData, openItems: [Item],
        paperURL: (String) -> String
    ) -> [AgendaLine] {
        points.enumerated().map { i, point in
            AgendaLine(
                number: i + 1, title: point.title, kind: agendaKind(point.kind),
                presenter: point.presenter.map { presenter($0, data) },
                slot: point.slot.map { "\($0.start)–\($0.end)" }, notes: point.notes,
                papers: point.papers.map { paper in
                    switch paper.source {
                    case .file: AgendaLine.PaperLink(name: paper.name, url: paperURL(paper.name))
                    case .link(let url): AgendaLine.PaperLink(name: paper.name, url: url)
                    }
                },
                filled: point.fill.map { fill($0, meeting, data, openItems) } ?? [])
        }
    }

    /// The agenda as plain text, for the e-mail and the terminal: "1. Välkommen", with
    /// presenter, time, papers and filled lines indented beneath.
    public static func agendaText(_ lines: [AgendaLine]) -> String {
        var out: [String] = []
        for line in lines {
            var head = "\(line.number). \(line.title)"
            let extra = [line.kind, line.presenter, line.slot].compactMap { $0 }
            if !extra.isEmpty { head += " (\(extra.joined(separator: ", ")))" }
            out.append(head)
            for note in line.notes.split(separator: "\n", omittingEmptySubsequences: true) { out.append("   \(note)") }
            for filled in line.filled { out.append("   – \(filled)") }
            for paper in line.papers { out.append("   Handling: \(paper.name) <\(paper.url)>") }
        }
        return out.joined(separator: "\n")
    }

    static func fill(_ fill: AgendaFill, _ meeting: Meeting, _ data: CalendarData, _ openItems: [Item]) -> [String] {
        guard case .body(let slug) = meeting.subject else { return [] }
        switch fill {
        case .openItems:
            let lines = openItems.filter { $0.body == slug && $0.status.isOpen }.map { item in
                var line = item.title
                let owners = item.owners.map { owner($0, data) }
                if !owners.isEmpty { line += "; ansvarig: \(list(owners))" }
                if let due = item.due { line += "; senast \(date(due))" }
                if let from = item.meeting, from != meeting.id, let m = data.meetings.first(where: { $0.id == from }) {
                    line += " (från \(meetingTitle(m, data)))"
                }
                return line
            }
            return lines.isEmpty ? ["Inga utestående ärenden."] : lines
        case .comingMeetings:
            let lines = AgendaFilling.comingMeetings(after: meeting, data).map { m in
                "\(shortWhen(m)): \(data.name(of: m.subject))"
                    + (place(m.place, data).map { ", \($0)" } ?? "")
                    + (m.status == .cancelled ? " (\(cancelled))" : "")
            }
            return lines.isEmpty ? ["Inga inplanerade möten."] : lines
        case .nextMeeting:
            guard let next = AgendaFilling.nextMeeting(after: meeting, data) else {
                return ["Nästa möte är inte planerat än."]
            }
            return ["\(when(next))" + (place(next.place, data).map { ", \($0)" } ?? "")]
        }
    }

    /// "2 sep": the coming meetings' dates, short, with a time when the meeting has one.
    static func shortWhen(_ m: Meeting) -> String {
        switch m.schedule {
        case .timed(let d, let s, _, let e): "\(date(d)) kl. \(s)–\(e)"
        case .allDay(let f, _): date(f)
        case .undated(let y, let season): undated(season, y)
        }
    }

    /// One change between published versions: "Ny punkt 6: Elektrifieringsfrågor".
    public static func agendaChange(_ change: AgendaChange) -> String {
        switch change {
        case .added(let n, let title): "Ny punkt \(n): \(title)"
        case .removed(let n, let title): "Punkten \(title) (tidigare \(n)) är struken"
        case .moved(let title, let from, let to): "Punkten \(title) är flyttad från \(from) till \(to)"
        case .changed(let n, let title, let fields):
            "Punkt \(n), \(title): ändrad \(list(fields.map(agendaField)))"
        }
    }

    static func agendaField(_ field: AgendaChange.Field) -> String {
        switch field {
        case .title: "rubrik"
        case .kind: "typ"
        case .presenter: "föredragande"
        case .slot: "tid"
        case .notes: "beskrivning"
        case .papers: "handlingar"
        }
    }
}
