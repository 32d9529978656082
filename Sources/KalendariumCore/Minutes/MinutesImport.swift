/// Minutes read from a file (the seeds' two), with the items they hold, before the
/// store gives those items their ids: the items decided at each point, and the
/// earlier meetings' items the follow-up point reports on.
public struct MinutesImport: Sendable {
    public struct DecisionItems: Sendable {
        public let point: Int
        public let decision: Int
        public let items: [Item]

        public init(point: Int, decision: Int, items: [Item]) {
            self.point = point
            self.decision = decision
            self.items = items
        }
    }

    public struct EarlierItem: Sendable {
        public let item: Item
        public let status: FollowUp.Status
        /// The minutes' words ("Utskickat via mejl den 16 november till Samarbetskommittén").
        public let note: String

        public init(item: Item, status: FollowUp.Status, note: String) {
            self.item = item
            self.status = status
            self.note = note
        }
    }

    /// The draft, points and attendance filled in; decisions without their item ids.
    public let minutes: Minutes
    public let decisionItems: [DecisionItems]
    public let earlierItems: [EarlierItem]
    /// Approved on import by its approvers, as the seeds' minutes were ("Justerades").
    public let approved: Bool
    /// The meeting's day: the date of the items' history notes.
    public let day: LocalDate

    public init(
        minutes: Minutes, decisionItems: [DecisionItems], earlierItems: [EarlierItem], approved: Bool, day: LocalDate
    ) {
        self.minutes = minutes
        self.decisionItems = decisionItems
        self.earlierItems = earlierItems
        self.approved = approved
        self.day = day
    }
}
