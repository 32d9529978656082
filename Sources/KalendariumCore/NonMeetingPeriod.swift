/// A yearly stretch with no meetings (July, the Christmas and New Year weeks),
/// given as month-day bounds that may wrap over New Year.
public struct NonMeetingPeriod: Hashable, Sendable {
    public let name: String
    public let from: MonthDay
    public let to: MonthDay

    public init(name: String, from: MonthDay, to: MonthDay) {
        self.name = name
        self.from = from
        self.to = to
    }

    public func contains(_ date: LocalDate) -> Bool {
        let d = MonthDay(month: date.month, day: date.day)
        return from <= to ? (from <= d && d <= to) : (d >= from || d <= to)
    }

    /// The periods used when `rules.yaml` names none.
    public static let defaults: [NonMeetingPeriod] = [
        NonMeetingPeriod(
            name: "the July break", from: MonthDay(month: 7, day: 1), to: MonthDay(month: 7, day: 31)),
        NonMeetingPeriod(
            name: "Christmas and New Year", from: MonthDay(month: 12, day: 23), to: MonthDay(month: 1, day: 6)),
    ]
}
