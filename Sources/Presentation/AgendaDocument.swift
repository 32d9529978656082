public import KalendariumCore

/// The JSON shape of a meeting's agenda, shared by `kalendarium agenda show --format
/// json` and `GET /api/v1/meetings/{id}/agenda`, so scripts see one format. `points`
/// is the draft the secretariat works on; `published` the latest published version,
/// what members see (null before the first publication).
public struct AgendaDocument: Encodable, Sendable {
    public struct Point: Encodable, Sendable {
        let number: Int
        let key: Int
        let title: String
        let kind: String
        let presenter: String?
        let slot: String?
        let notes: String
        let papers: [PaperEntry]
        let fill: String?
        let filled: [String]
    }

    public struct PaperEntry: Encodable, Sendable {
        let name: String
        let url: String
        let contentType: String?
        let size: Int?

        enum CodingKeys: String, CodingKey {
            case name, url, size
            case contentType = "content_type"
        }
    }

    public struct Proposal: Encodable, Sendable {
        let key: Int
        let title: String
        let kind: String
        let by: String
        let reason: String
        let date: String
        let state: String
    }

    public struct Version: Encodable, Sendable {
        let number: Int
        let publishedAt: String
        let points: [Point]
        let changes: [String]

        enum CodingKeys: String, CodingKey {
            case number, points, changes
            case publishedAt = "published_at"
        }
    }

    let meeting: String
    let title: String
    let when: String
    let place: String?
    let chair: String?
    /// `draft` before the first publication, then `published`.
    let state: String
    /// The latest published version's number; 0 before the first.
    let version: Int
    let unpublishedChanges: Bool
    let points: [Point]
    let proposals: [Proposal]
    let published: Version?
    let versions: [Int]

    enum CodingKeys: String, CodingKey {
        case meeting, title, when, place, chair, state, version, points, proposals, published, versions
        case unpublishedChanges = "unpublished_changes"
    }

    /// - Parameter includingDraft: false for what members see: `points` are then the
    ///   latest published version's (none before the first) and `proposals` is empty,
    ///   since a proposer's address and a draft are the secretariat's business.
    public init(
        _ agenda: Agenda, meeting: Meeting, data: CalendarData, openItems: [Item], paperURL: (String) -> String,
        includingDraft: Bool = true
    ) {
        func points(_ list: [AgendaPoint]) -> [Point] {
            let lines = Swedish.agendaLines(list, of: meeting, data, openItems: openItems, paperURL: paperURL)
            return zip(list, lines).map { point, line in
                Point(
                    number: line.number, key: point.key, title: point.title, kind: point.kind.rawValue,
                    presenter: point.presenter?.description, slot: line.slot, notes: point.notes,
                    papers: point.papers.map { paper in
                        switch paper.source {
                        case .file(let type, let size, _):
                            PaperEntry(name: paper.name, url: paperURL(paper.name), contentType: type, size: size)
                        case .link(let url): PaperEntry(name: paper.name, url: url, contentType: nil, size: nil)
                        }
                    },
                    fill: point.fill?.rawValue, filled: line.filled)
            }
        }
        self.meeting = meeting.id
        title = Swedish.meetingTitle(meeting, data).capitalizedFirst
        when = Swedish.when(meeting)
        place = Swedish.place(meeting.place, data)
        chair = Swedish.chair(of: meeting, data)
        state = agenda.isPublished ? "published" : "draft"
        version = agenda.latestVersion?.number ?? 0
        unpublishedChanges = includingDraft && agenda.hasUnpublishedChanges
        self.points = points(includingDraft ? agenda.accepted : agenda.latestVersion?.points ?? [])
        proposals = agenda.points.filter { includingDraft && $0.proposal != nil }.map { p in
            Proposal(
                key: p.key, title: p.title, kind: p.kind.rawValue, by: p.proposal!.by, reason: p.proposal!.reason,
                date: p.proposal!.on.description, state: p.state.rawValue)
        }
        published = agenda.latestVersion.map { v in
            Version(
                number: v.number, publishedAt: v.publishedAt.description, points: points(v.points),
                changes: v.changes.map(Swedish.agendaChange))
        }
        versions = agenda.versions.map(\.number)
    }
}
