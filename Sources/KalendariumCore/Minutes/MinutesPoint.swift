/// The minutes of one agenda point: its number and title as the agenda had them, what
/// was said, and what was decided.
public struct MinutesPoint: Hashable, Sendable, Codable {
    public let number: Int
    public var title: String
    public var notes: String
    public var decisions: [Decision]
    /// The agenda point's fill: the outstanding-items point holds the follow-ups.
    public var fill: AgendaFill?

    public init(number: Int, title: String, notes: String = "", decisions: [Decision] = [], fill: AgendaFill? = nil) {
        self.number = number
        self.title = title
        self.notes = notes
        self.decisions = decisions
        self.fill = fill
    }
}
