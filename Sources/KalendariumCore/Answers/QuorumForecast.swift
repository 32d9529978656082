/// Whether a meeting will have its quorum, from the answers so far: at least half of
/// the member municipalities represented (agreement § 3, counted as the minutes count
/// it, ``Minutes/Content/quorum(members:)``). Only answers that say someone comes
/// count; a municipality nobody has answered for is not assumed to come.
public struct QuorumForecast: Hashable, Sendable {
    /// One member municipality's seat.
    public struct Seat: Hashable, Sendable {
        public enum State: String, Hashable, Sendable, Codable {
            /// Someone comes, for all or part of the meeting, or a substitute does.
            case represented
            /// Everyone invited for it has answered, and no one comes.
            case declined
            /// Someone invited for it has not answered (or answered "Kanske").
            case unanswered
            /// No member in `recipients.yaml` gets the kallelse for it: nobody can answer.
            case nobodyInvited = "nobody-invited"
        }

        public let municipality: String
        public let name: String
        public let state: State
        /// The invited members for the seat, by name.
        public let people: [String]
    }

    /// Every member municipality of the meeting's year, in the order of `municipalities.yaml`.
    public let seats: [Seat]

    public var members: Int { seats.count }
    public var represented: Int { seats.filter { $0.state == .represented }.count }
    /// At least half, as § 3 asks.
    public var needed: Int { (members + 1) / 2 }
    public var reached: Bool { members == 0 || 2 * represented >= members }
    /// Whether the quorum could still be reached if every seat not yet answered came.
    public var reachable: Bool {
        members == 0 || 2 * seats.filter { $0.state == .represented || $0.state == .unanswered }.count >= members
    }

    public init(seats: [Seat]) { self.seats = seats }
}
