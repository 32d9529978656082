/// A change in who takes turns hosting: the host rotation counts its turns from the latest one.
public enum MembershipChange: Hashable, Sendable {
    /// Left after `lastDay` (a notice period's end, or the end of a year).
    case left(String, lastDay: LocalDate)
    /// Joined in `year`.
    case joined(String, year: Int)

    public var municipality: String {
        switch self {
        case .left(let slug, _), .joined(let slug, _): slug
        }
    }

    /// The year people name the change by ("since Salem left in 2031").
    public var year: Int {
        switch self {
        case .left(_, let lastDay): lastDay.year
        case .joined(_, let year): year
        }
    }
}
