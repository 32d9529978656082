/// How ledningsgruppen's preparation of the committee's meetings is checked and planned.
///
/// No seed gives a number of days. What the 2019 kalendarium shows is that ledningsgruppen
/// meets between two committee meetings (27, 41 and 56 days before some of them, on
/// purpose), so that is the default; a window of days is kept for a secretariat that
/// wants the stricter rule.
public enum PreparationRule: Hashable, Sendable, CustomStringConvertible {
    /// A ledningsgrupp meeting after the committee's previous ordinary meeting and before
    /// this one (for the first in the data: any ledningsgrupp meeting before it).
    case betweenMeetings
    /// A ledningsgrupp meeting 1 to `days` days before the committee meeting.
    case window(days: Int)

    /// The English words `check` uses ("since its previous meeting", "in the 21 days before").
    public var description: String {
        switch self {
        case .betweenMeetings: "since the committee's previous meeting"
        case .window(let days): "in the \(days) days before"
        }
    }

    /// Whether a ledningsgrupp meeting on `preparation` prepares the committee meeting on
    /// `day`, whose previous committee meeting (if any) was on `previous`.
    public func prepares(_ preparation: LocalDate, meetingOn day: LocalDate, previous: LocalDate?) -> Bool {
        let before = preparation.days(to: day)
        switch self {
        case .betweenMeetings: return before >= 1 && previous.map { $0 < preparation } ?? true
        case .window(let days): return (1...days).contains(before)
        }
    }
}
