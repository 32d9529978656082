/// One point of an agenda. Its number is not stored: it is the point's place among
/// the agenda's accepted points, so moving a point renumbers the others.
public struct AgendaPoint: Hashable, Sendable, Codable {
    /// Where a point stands: on the agenda, or a member's proposal the secretariat
    /// has not yet accepted, or one it declined (kept, so the proposer can be told).
    public enum State: String, Codable, Hashable, Sendable {
        case accepted, proposed, declined
    }

    /// A member's proposal (agreement Bilaga 2 § 4: "en ledamot som vill ha en fråga
    /// behandlad ska i god tid anmäla detta till ordföranden").
    public struct Proposal: Hashable, Sendable, Codable {
        public let by: String
        public let reason: String
        public let on: LocalDate

        public init(by: String, reason: String, on: LocalDate) {
            self.by = by
            self.reason = reason
            self.on = on
        }
    }

    /// A time within the meeting ("09.00–09.30"), when the point has one.
    public struct Slot: Hashable, Sendable, Codable {
        public let start: LocalTime
        public let end: LocalTime

        public init(start: LocalTime, end: LocalTime) {
            self.start = start
            self.end = end
        }
    }

    /// Stable within the agenda, never reused: what a change list and a stored paper refer to.
    public var key: Int
    public var title: String
    public var kind: AgendaKind
    public var presenter: Presenter?
    public var slot: Slot?
    public var notes: String
    public var papers: [Paper]
    /// Filled from the data when the agenda is shown (``AgendaFill``).
    public var fill: AgendaFill?
    public var state: State
    public var proposal: Proposal?

    public init(
        key: Int, title: String, kind: AgendaKind, presenter: Presenter? = nil, slot: Slot? = nil, notes: String = "",
        papers: [Paper] = [], fill: AgendaFill? = nil, state: State = .accepted, proposal: Proposal? = nil
    ) {
        self.key = key
        self.title = title
        self.kind = kind
        self.presenter = presenter
        self.slot = slot
        self.notes = notes
        self.papers = papers
        self.fill = fill
        self.state = state
        self.proposal = proposal
    }
}
