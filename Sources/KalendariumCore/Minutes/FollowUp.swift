/// What the minutes say about an earlier item at "Utestående ärenden och föregående
/// möten": "- Pågår", "- Utskickat via mejl den 16 november".
public struct FollowUp: Hashable, Sendable, Codable {
    /// The four words the minutes use.
    public enum Status: String, Hashable, Sendable, Codable, CaseIterable {
        /// Pågår: still being worked on.
        case inProgress = "in-progress"
        /// Klart.
        case done
        /// Bordlagt: deferred to a later meeting; stays open.
        case tabled
        /// Struken: struck off the list.
        case struck

        /// The item's status once the follow-up is applied.
        public var itemStatus: Item.Status {
            switch self {
            case .inProgress, .tabled: .inProgress
            case .done: .done
            case .struck: .cancelled
            }
        }
    }

    public let item: Int64
    public var status: Status
    public var note: String

    public init(item: Int64, status: Status, note: String = "") {
        self.item = item
        self.status = status
        self.note = note
    }
}
