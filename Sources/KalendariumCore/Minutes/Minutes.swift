/// A meeting's minutes (minnesanteckningar), as the seeds write them: who came, who
/// chaired and kept the minutes, each agenda point's notes and decisions, and the
/// status of every earlier item. A draft until approved (justerade) by everyone it
/// names as approver; approval freezes a version and locks it. A correction reopens
/// the draft with its reason and ends in the next approved version; the earlier
/// versions stay readable.
///
/// Keyed by the meeting's identity, like its agenda. A pure value: the store keeps it
/// as one document, and every change goes through the methods here.
public struct Minutes: Hashable, Sendable, Codable {
    /// What a version of the minutes says.
    public struct Content: Hashable, Sendable, Codable {
        public var attendance: [Attendance]
        public var chair: String?
        public var secretary: String?
        public var points: [MinutesPoint]
        public var followUps: [FollowUp]
        /// The point the follow-ups are recorded at (the outstanding-items point).
        public var followUpPoint: Int?

        public init(
            attendance: [Attendance] = [], chair: String? = nil, secretary: String? = nil, points: [MinutesPoint] = [],
            followUps: [FollowUp] = [], followUpPoint: Int? = nil
        ) {
            self.attendance = attendance
            self.chair = chair
            self.secretary = secretary
            self.points = points
            self.followUps = followUps
            self.followUpPoint = followUpPoint
        }

        /// Members present (or represented by a substitute), counted by municipality,
        /// and whether that is at least half of `members` (agreement § 3: the committee
        /// "är beslutför när minst hälften av ledamöterna är närvarande").
        public func quorum(members: Int) -> (present: Int, members: Int, reached: Bool) {
            let present = Set(
                attendance.filter { $0.role == .member && ($0.present || $0.substitute != nil) }
                    .map { $0.municipality ?? $0.name.lowercased() }
            ).count
            return (present, members, members == 0 || 2 * present >= members)
        }
    }

    public struct Approval: Hashable, Sendable, Codable {
        public let by: String
        public let at: UTCInstant
    }

    /// An approved version, frozen.
    public struct Version: Hashable, Sendable, Codable {
        public let number: Int
        public let content: Content
        public let approvals: [Approval]
        /// Why the version corrects the one before; nil for version 1.
        public let reason: String?
        /// Whether approving it e-mails it to the members and the registries; not for
        /// minutes imported from documents that were shared when they were written.
        public let announce: Bool
    }

    public let meeting: String
    public private(set) var draft: Content
    /// Who must approve: the chair, and the adjuster (justerare) when there is one.
    public private(set) var approvers: [String]
    public private(set) var approvals: [Approval]
    public private(set) var versions: [Version]
    /// Set while a correction of an approved version is open.
    public private(set) var correction: String?

    public init(meeting: String, draft: Content, approvers: [String]) {
        self.meeting = meeting
        self.draft = draft
        self.approvers = approvers
        self.approvals = []
        self.versions = []
        self.correction = nil
    }

    /// The minutes started from the agenda's points, the year's chair as chair and
    /// first approver, and the adjuster when the secretariat names one.
    public static func start(
        meeting: String, agenda: [AgendaPoint], chair: String?, secretary: String?, adjuster: String?
    ) -> Minutes {
        let points = agenda.enumerated().map { i, p in MinutesPoint(number: i + 1, title: p.title, fill: p.fill) }
        let content = Content(
            chair: chair, secretary: secretary, points: points,
            followUpPoint: points.first { $0.fill == .openItems }?.number)
        return Minutes(meeting: meeting, draft: content, approvers: [chair, adjuster].compactMap { $0 })
    }

    public var latestVersion: Version? { versions.last }
    /// Approved and no correction open: nothing may change.
    public var isLocked: Bool { !versions.isEmpty && correction == nil }
    public var isApproved: Bool { !versions.isEmpty }

    // MARK: - Changes

    /// Adds or replaces `person` (by name) in the attendance.
    public mutating func attend(_ person: Attendance) throws(AgendaError) {
        try unlocked()
        let name = person.name.trimmingWhitespace
        guard !name.isEmpty else { throw AgendaError(.invalid, "a person needs a name") }
        var person = person
        person.name = name
        if let i = draft.attendance.firstIndex(where: { $0.name.lowercased() == name.lowercased() }) {
            draft.attendance[i] = person
        } else {
            draft.attendance.append(person)
        }
        changed()
    }

    public mutating func setChair(_ name: String?, secretary: String?) throws(AgendaError) {
        try unlocked()
        if let name { draft.chair = name.trimmingWhitespace }
        if let secretary { draft.secretary = secretary.trimmingWhitespace }
        changed()
    }

    /// Names the adjuster (justerare), who approves beside the chair.
    public mutating func setAdjuster(_ name: String) throws(AgendaError) {
        try unlocked()
        approvers = [draft.chair, name.trimmingWhitespace].compactMap { $0 }
        changed()
    }

    /// Appends `text` as a paragraph of point `number`'s notes.
    public mutating func note(_ number: Int, _ text: String) throws(AgendaError) {
        try unlocked()
        let i = try index(number)
        let text = text.trimmingWhitespace
        guard !text.isEmpty else { throw AgendaError(.invalid, "the note is empty") }
        draft.points[i].notes = draft.points[i].notes.isEmpty ? text : draft.points[i].notes + "\n\n" + text
        changed()
    }

    /// Records a decision of point `number`; returns its index there, for the items it creates.
    @discardableResult
    public mutating func decide(_ number: Int, _ text: String) throws(AgendaError) -> Int {
        try unlocked()
        let i = try index(number)
        let text = text.trimmingWhitespace
        guard !text.isEmpty else { throw AgendaError(.invalid, "a decision needs its wording (\"Att …\")") }
        draft.points[i].decisions.append(Decision(text: text))
        changed()
        return draft.points[i].decisions.count - 1
    }

    /// Records that `items` were created from decision `decision` of point `number`.
    public mutating func link(items: [Int64], toDecision decision: Int, ofPoint number: Int) throws(AgendaError) {
        let i = try index(number)
        guard draft.points[i].decisions.indices.contains(decision) else {
            throw AgendaError(.notFound, "point \(number) has no decision \(decision + 1)")
        }
        draft.points[i].decisions[decision].items += items
    }

    /// Records an earlier item's status as the meeting saw it.
    public mutating func followUp(_ followUp: FollowUp) throws(AgendaError) {
        try unlocked()
        if let i = draft.followUps.firstIndex(where: { $0.item == followUp.item }) {
            draft.followUps[i] = followUp
        } else {
            draft.followUps.append(followUp)
        }
        changed()
    }

    /// One approver approves. When everyone named has, the draft becomes the next
    /// version and the minutes lock. Returns the version when that happened.
    @discardableResult
    public mutating func approve(
        by name: String, at now: UTCInstant, announce: Bool = true
    ) throws(AgendaError)
        -> Version?
    {
        try unlocked()
        guard !draft.points.isEmpty else { throw AgendaError(.invalid, "the minutes have no points") }
        guard let approver = approvers.first(where: { $0.lowercased() == name.lowercased() }) else {
            throw AgendaError(
                .invalid,
                approvers.isEmpty
                    ? "no one is named to approve these minutes; name the chair (minutes chair) first"
                    : "\(name) does not approve these minutes; \(approvers.joined(separator: " and ")) do")
        }
        guard !approvals.contains(where: { $0.by == approver }) else {
            throw AgendaError(.conflict, "\(approver) has already approved these minutes")
        }
        approvals.append(Approval(by: approver, at: now))
        guard Set(approvals.map(\.by)) == Set(approvers) else { return nil }
        let version = Version(
            number: versions.count + 1, content: draft, approvals: approvals, reason: correction, announce: announce)
        versions.append(version)
        approvals = []
        correction = nil
        return version
    }

    /// Opens a correction of the approved minutes: a draft again, to be approved as
    /// the next version; the approved versions stay as they are.
    public mutating func correct(reason: String) throws(AgendaError) {
        guard isApproved else { throw AgendaError(.conflict, "the minutes are not approved yet; change the draft") }
        guard correction == nil else { throw AgendaError(.conflict, "a correction is already open") }
        let reason = reason.trimmingWhitespace
        guard !reason.isEmpty else { throw AgendaError(.invalid, "a correction needs its reason") }
        correction = reason
    }

    // MARK: - Quorum

    /// The draft's quorum (``Content/quorum(members:)``).
    public func quorum(members: Int) -> (present: Int, members: Int, reached: Bool) { draft.quorum(members: members) }

    // MARK: - Helpers

    private mutating func changed() {
        // A change to the draft withdraws approvals given to the earlier wording.
        approvals = []
    }

    private func unlocked() throws(AgendaError) {
        if isLocked {
            throw AgendaError(
                .conflict,
                "the minutes are approved (version \(versions.count)) and locked; open a correction with its reason first"
            )
        }
    }

    private func index(_ number: Int) throws(AgendaError) -> Int {
        guard let i = draft.points.firstIndex(where: { $0.number == number }) else {
            throw AgendaError(
                .notFound,
                draft.points.isEmpty
                    ? "the minutes have no points"
                    : "there is no point \(number); the minutes have points 1–\(draft.points.count)")
        }
        return i
    }
}

extension Minutes {
    /// The outstanding item a decision of point `point` creates: it records the
    /// meeting, point and decision it came from.
    public static func item(
        deciding decision: String, title: String?, description: String, owners: [Owner], due: LocalDate?,
        meeting: Meeting, point: Int
    ) -> Item? {
        guard case .body(let body) = meeting.subject else { return nil }
        return Item(
            title: title ?? itemTitle(from: decision), description: description, body: body, meeting: meeting.id,
            decision: decision, owners: owners, due: due, point: point)
    }

    /// "Att redovisa ett förslag …" → "Redovisa ett förslag …": an item's title from its decision.
    public static func itemTitle(from decision: String) -> String {
        var text = decision.trimmingWhitespace
        if text.lowercased().hasPrefix("att ") { text = String(text.dropFirst(4)) }
        if text.hasSuffix(".") { text = String(text.dropLast()) }
        let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? text
        return String(line.prefix(300)).capitalizedFirst
    }
}
