/// A part of the year, for conferences whose date is not fixed yet.
public enum Season: String, CaseIterable, Sendable, Codable {
    case spring, summer, autumn, winter

    /// The months the season covers, as the planner and the feeds read it.
    public var months: ClosedRange<Int> {
        switch self {
        case .spring: 3...5
        case .summer: 6...8
        case .autumn: 9...11
        case .winter: 1...2
        }
    }

    /// The last day of the season in `year`: the latest a conference of that season can be held.
    public func lastDay(in year: Int) -> LocalDate {
        let month = months.upperBound
        return LocalDate(year: year, month: month, day: LocalDate.daysIn(month: month, year: year))!
    }

    /// Whether `day` falls in the season.
    public func contains(_ day: LocalDate) -> Bool { months.contains(day.month) }
}
