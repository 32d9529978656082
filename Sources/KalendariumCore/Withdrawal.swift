/// A municipality's notice to leave, and the day its membership ends.
///
/// The agreement, § 2: "Om någon av kommunerna vill säga upp avtalet är uppsägningstiden
/// 12 månader. Uppsägningen skall vara beslutad av kommunfullmäktige och lämnas till
/// kommitténs ordförande … Uppsägningstiden räknas fr o m månadsskiftet närmast efter det
/// att uppsägning har kommit ordföranden tillhanda." So the twelve months start on the
/// first of the month after the chair received the notice (a notice received on the
/// first of a month counts from the next month: the turn of the month comes *after* it).
public struct Withdrawal: Hashable, Sendable {
    /// The day the committee's chair received the council's notice.
    public let noticeReceived: LocalDate
    /// The turn of the month the twelve months are counted from.
    public var countedFrom: LocalDate {
        let month = noticeReceived.month == 12 ? 1 : noticeReceived.month + 1
        let year = noticeReceived.month == 12 ? noticeReceived.year + 1 : noticeReceived.year
        return LocalDate(year: year, month: month, day: 1)!
    }
    /// The last day of membership: the day before twelve months from `countedFrom`.
    public var lastDay: LocalDate { firstDayOutside.adding(days: -1) }
    /// The first day the municipality is no longer a member.
    public var firstDayOutside: LocalDate {
        LocalDate(year: countedFrom.year + 1, month: countedFrom.month, day: 1)!
    }

    public init(noticeReceived: LocalDate) {
        self.noticeReceived = noticeReceived
    }
}
