/// A planning rule that gave way in a proposed year, and where. `description` is the
/// English note `kalendarium plan` prints; its first word names the rule.
public enum PlanRelaxation: Hashable, Sendable, CustomStringConvertible {
    /// No `days` free days from a `weekday` in `month` for `body`'s planning conference.
    case planningConference(body: String, days: Int, weekday: Weekday, month: Int, year: Int)
    /// No free `weekday` in `month` for the conference.
    case conference(name: String, year: Int, weekday: Weekday, month: Int)
    /// Bridge days (klämdagar) had to be allowed to find enough `weekday`s for `committee`.
    case bridgeDays(year: Int, weekday: Weekday, committee: String)
    /// `body` gets only `planned` of its `minimum` meetings: every other `weekday` in
    /// `from`…`to` is blocked (or has no `preparer` day before it).
    case committeeMinimum(
        year: Int, body: String, planned: Int, minimum: Int, weekday: Weekday, from: LocalDate, to: LocalDate,
        preparer: String)
    /// No free `weekday` left to bring `body` to its minimum.
    case bodyMinimum(year: Int, body: String, weekday: Weekday)

    public var description: String {
        switch self {
        case .planningConference(let body, let days, let weekday, let month, let year):
            "planning conference of \(body) gave way: no \(days) free days from a \(weekday.name) "
                + "in month \(month) of \(year)"
        case .conference(let name, let year, let weekday, let month):
            "\(name) \(year) gave way: no free \(weekday.name) in month \(month)"
        case .bridgeDays(let year, let weekday, let committee):
            "bridge-days gave way in \(year): only enough free \(weekday.name)s for \(committee) "
                + "when bridge days are allowed"
        case .committeeMinimum(
            let year, let body, let planned, let minimum, let weekday, let from, let to, let preparer):
            "minimum-meetings gave way in \(year): \(body) gets \(planned) of \(minimum) meetings; every other "
                + "\(weekday.name) from \(from) to \(to) is blocked (holidays, breaks, other calendars or a missing "
                + "\(preparer) day before it)"
        case .bodyMinimum(let year, let body, let weekday):
            "minimum-meetings gave way in \(year): no free \(weekday.name) left for \(body)"
        }
    }
}
