/// A meeting's agenda (dagordning): a draft the secretariat edits until it publishes
/// it, then live: every change to a published agenda freezes the next version, with
/// what changed, so the page, the feeds and the kallelse always show a whole version.
///
/// Keyed by the meeting's id, the same identity the feed UID is made from, so the
/// agenda survives a change of the meeting's time or place. A pure value: the store
/// keeps it as one document, and every change goes through the methods here.
public struct Agenda: Hashable, Sendable, Codable {
    public let meeting: String
    /// Every point, proposals and declined ones included, in order.
    public private(set) var points: [AgendaPoint]
    /// The key of the point new topics go before ("Aktuella frågor från nätverken");
    /// nil: at the end.
    public private(set) var topicsBefore: Int?
    public private(set) var versions: [AgendaVersion]
    private var nextKey: Int

    public init(meeting: String, points: [AgendaPoint], topicsBefore: Int? = nil, versions: [AgendaVersion] = []) {
        self.meeting = meeting
        self.points = points
        self.topicsBefore = topicsBefore
        self.versions = versions
        self.nextKey = (points.map(\.key).max() ?? 0) + 1
    }

    /// The points on the agenda, in order; a point's number is its place here, from 1.
    public var accepted: [AgendaPoint] { points.filter { $0.state == .accepted } }

    /// Members' proposals waiting for the secretariat.
    public var proposals: [AgendaPoint] { points.filter { $0.state == .proposed } }

    public var latestVersion: AgendaVersion? { versions.last }
    public var isPublished: Bool { !versions.isEmpty }

    /// Whether the draft differs from the latest published version (always, before the first).
    public var hasUnpublishedChanges: Bool { latestVersion.map { $0.points != accepted } ?? true }

    public func point(number: Int) throws(AgendaError) -> AgendaPoint { accepted[try index(number: number)] }

    // MARK: - Changes

    /// What the secretariat may give when adding or editing a point.
    public struct PointFields: Sendable {
        public var title: String?
        public var kind: AgendaKind?
        public var presenter: Presenter??
        public var slot: AgendaPoint.Slot??
        public var notes: String?

        public init(
            title: String? = nil, kind: AgendaKind? = nil, presenter: Presenter?? = nil,
            slot: AgendaPoint.Slot?? = nil, notes: String? = nil
        ) {
            self.title = title
            self.kind = kind
            self.presenter = presenter
            self.slot = slot
            self.notes = notes
        }
    }

    /// Adds a point after point `after` (0: first), or where the template puts new
    /// topics; returns its number.
    @discardableResult
    public mutating func add(_ fields: PointFields, after: Int? = nil, at now: UTCInstant) throws(AgendaError) -> Int {
        let title = try Self.title(fields.title)
        let point = AgendaPoint(
            key: takeKey(), title: title, kind: fields.kind ?? .information, presenter: fields.presenter ?? nil,
            slot: fields.slot ?? nil, notes: fields.notes ?? "")
        try Self.check(point)
        let position: Int
        if let after {
            guard (0...accepted.count).contains(after) else {
                throw AgendaError(
                    .invalid, "there is no point \(after) to add after; the agenda has \(accepted.count) points")
            }
            position =
                after == 0
                ? (points.firstIndex { $0.state == .accepted } ?? points.count)
                : try index(number: after, inAll: true) + 1
        } else {
            position = points.firstIndex { $0.key == topicsBefore } ?? points.count
        }
        points.insert(point, at: position)
        freezeIfPublished(at: now)
        return accepted.firstIndex { $0.key == point.key }! + 1
    }

    /// Changes point `number`'s title, kind, presenter, time or notes.
    public mutating func edit(_ number: Int, _ fields: PointFields, at now: UTCInstant) throws(AgendaError) {
        let i = try index(number: number, inAll: true)
        var point = points[i]
        if let title = fields.title { point.title = try Self.title(title) }
        if let kind = fields.kind { point.kind = kind }
        if let presenter = fields.presenter { point.presenter = presenter }
        if let slot = fields.slot { point.slot = slot }
        if let notes = fields.notes { point.notes = notes }
        try Self.check(point)
        points[i] = point
        freezeIfPublished(at: now)
    }

    /// Moves point `from` so that it becomes point `to`.
    public mutating func move(_ from: Int, to: Int, at now: UTCInstant) throws(AgendaError) {
        let list = accepted
        let i = try index(number: from)
        guard (1...list.count).contains(to) else {
            throw AgendaError(.invalid, "cannot move to point \(to); the agenda has points 1–\(list.count)")
        }
        guard from != to else { return }
        var order = list
        let point = order.remove(at: i)
        order.insert(point, at: to - 1)
        // Proposals and declined points keep their places between the accepted ones.
        var it = order.makeIterator()
        points = points.map { $0.state == .accepted ? it.next()! : $0 }
        freezeIfPublished(at: now)
    }

    /// Removes point `number` with its papers; returns it, so the caller can drop the stored files.
    @discardableResult
    public mutating func remove(_ number: Int, at now: UTCInstant) throws(AgendaError) -> AgendaPoint {
        let i = try index(number: number, inAll: true)
        let point = points.remove(at: i)
        if topicsBefore == point.key { topicsBefore = points[i...].first { $0.state == .accepted }?.key }
        freezeIfPublished(at: now)
        return point
    }

    /// Attaches a paper to point `number`. Names are unique within the agenda: they
    /// are the last part of the paper's address.
    public mutating func attach(_ paper: Paper, to number: Int, at now: UTCInstant) throws(AgendaError) {
        let i = try index(number: number, inAll: true)
        if points.contains(where: { $0.papers.contains { $0.name == paper.name } }) {
            throw AgendaError(
                .conflict,
                "the agenda already has a paper named \(paper.name); rename the file or detach that one first")
        }
        points[i].papers.append(paper)
        freezeIfPublished(at: now)
    }

    /// Removes the paper named `name`; returns it.
    @discardableResult
    public mutating func detach(_ name: String, at now: UTCInstant) throws(AgendaError) -> Paper {
        for i in points.indices {
            if let j = points[i].papers.firstIndex(where: { $0.name == name }) {
                let paper = points[i].papers.remove(at: j)
                freezeIfPublished(at: now)
                return paper
            }
        }
        throw AgendaError(.notFound, "the agenda has no paper named \(name)")
    }

    /// A member proposes a point; it waits, unnumbered, for the secretariat. Returns its key.
    @discardableResult
    public mutating func propose(
        _ fields: PointFields, by email: String, reason: String, on date: LocalDate
    )
        throws(AgendaError) -> Int
    {
        let title = try Self.title(fields.title)
        guard email.contains("@"), !email.contains(where: \.isWhitespace) else {
            throw AgendaError(
                .invalid, "\"\(email)\" is not an e-mail address; the proposer is told the answer by e-mail")
        }
        let point = AgendaPoint(
            key: takeKey(), title: title, kind: fields.kind ?? .discussion, presenter: fields.presenter ?? nil,
            notes: fields.notes ?? "", state: .proposed,
            proposal: AgendaPoint.Proposal(by: email, reason: reason.trimmingWhitespace, on: date))
        try Self.check(point)
        points.insert(point, at: points.firstIndex { $0.key == topicsBefore } ?? points.count)
        return point.key
    }

    /// Accepts proposal `key`: it becomes a numbered point where it stands. Returns it.
    @discardableResult
    public mutating func accept(proposal key: Int, at now: UTCInstant) throws(AgendaError) -> AgendaPoint {
        let i = try proposalIndex(key)
        points[i].state = .accepted
        freezeIfPublished(at: now)
        return points[i]
    }

    /// Declines proposal `key`; it stays in the record, off the agenda. Returns it.
    @discardableResult
    public mutating func decline(proposal key: Int) throws(AgendaError) -> AgendaPoint {
        let i = try proposalIndex(key)
        points[i].state = .declined
        return points[i]
    }

    /// Publishes the draft as version 1. Once published, every change freezes the next
    /// version by itself; publishing again is a conflict.
    @discardableResult
    public mutating func publish(at now: UTCInstant) throws(AgendaError) -> AgendaVersion {
        guard !isPublished else {
            throw AgendaError(
                .conflict,
                "the agenda is already published (version \(versions.count)); every change to it is published at once")
        }
        guard !accepted.isEmpty else { throw AgendaError(.invalid, "the agenda has no points; add some first") }
        let version = AgendaVersion(number: 1, publishedAt: now, points: accepted, changes: [])
        versions.append(version)
        return version
    }

    // MARK: - Helpers

    private mutating func freezeIfPublished(at now: UTCInstant) {
        guard let last = versions.last, last.points != accepted else { return }
        versions.append(
            AgendaVersion(
                number: last.number + 1, publishedAt: max(now, last.publishedAt), points: accepted,
                changes: AgendaChange.between(last.points, accepted)))
    }

    private mutating func takeKey() -> Int {
        defer { nextKey += 1 }
        return nextKey
    }

    /// The index in `accepted` (or in `points`, with `inAll`) of point `number`.
    private func index(number: Int, inAll: Bool = false) throws(AgendaError) -> Int {
        let list = accepted
        guard (1...max(list.count, 1)).contains(number), number <= list.count else {
            throw AgendaError(
                .notFound,
                list.isEmpty
                    ? "the agenda has no points" : "there is no point \(number); the agenda has points 1–\(list.count)")
        }
        let key = list[number - 1].key
        return inAll ? points.firstIndex { $0.key == key }! : number - 1
    }

    private func proposalIndex(_ key: Int) throws(AgendaError) -> Int {
        guard let i = points.firstIndex(where: { $0.key == key && $0.state == .proposed }) else {
            let open = proposals.map { "\($0.key)" }.joined(separator: ", ")
            throw AgendaError(
                .notFound,
                "there is no open proposal \(key)" + (open.isEmpty ? "; there are none" : "; open proposals: \(open)"))
        }
        return i
    }

    private static func title(_ text: String?) throws(AgendaError) -> String {
        let title = (text ?? "").trimmingWhitespace
        guard !title.isEmpty else { throw AgendaError(.invalid, "a point needs a title") }
        return title
    }

    private static func check(_ point: AgendaPoint) throws(AgendaError) {
        if point.title.count > 300 { throw AgendaError(.invalid, "the title is longer than 300 characters") }
        if point.title.contains(where: \.isNewline) { throw AgendaError(.invalid, "the title must be one line") }
        if let bad = point.title.controlCharacter(allowingLineBreaks: false)
            ?? point.notes.controlCharacter(
                allowingLineBreaks: true)
        {
            throw AgendaError(.invalid, "the text holds the control character \(bad.codePoint); remove it")
        }
        if let slot = point.slot, slot.end <= slot.start {
            throw AgendaError(.invalid, "the point's time ends (\(slot.end)) before it starts (\(slot.start))")
        }
    }
}
