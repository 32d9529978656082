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

        /// Every key present, null when empty, as in the items' JSON.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(number, forKey: .number)
            try c.encode(key, forKey: .key)
            try c.encode(title, forKey: .title)
            try c.encode(kind, forKey: .kind)
            try c.encode(presenter, forKey: .presenter)
            try c.encode(slot, forKey: .slot)
            try c.encode(notes, forKey: .notes)
            try c.encode(papers, forKey: .papers)
            try c.encode(fill, forKey: .fill)
            try c.encode(filled, forKey: .filled)
        }

        enum CodingKeys: String, CodingKey {
            case number, key, title, kind, presenter, slot, notes, papers, fill, filled
        }
    }

    public struct PaperEntry: Encodable, Sendable {
        let name: String
        let url: String
        let contentType: String?
        let size: Int?

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(name, forKey: .name)
            try c.encode(url, forKey: .url)
            try c.encode(contentType, forKey: .contentType)
            try c.encode(size, forKey: .size)
        }

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

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(meeting, forKey: .meeting)
        try c.encode(title, forKey: .title)
        try c.encode(when, forKey: .when)
        try c.encode(place, forKey: .place)
        try c.encode(chair, forKey: .chair)
        try c.encode(state, forKey: .state)
        try c.encode(version, forKey: .version)
        try c.encode(unpublishedChanges, forKey: .unpublishedChanges)
        try c.encode(points, forKey: .points)
        try c.encode(proposals, forKey: .proposals)
        try c.encode(published, forKey: .published)
        try c.encode(versions, forKey: .versions)
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
