/// When a meeting takes place.
public enum Schedule: Hashable, Sendable {
    /// Timed, possibly over several days ("lunch–lunch": 12:00 day one to 12:00 day two).
    case timed(startDate: LocalDate, start: LocalTime, endDate: LocalDate, end: LocalTime)
    /// A whole day or several, with no time known.
    case allDay(first: LocalDate, last: LocalDate)
    /// Known only to a season ("Nyckeltalsdagen, hösten 2019").
    case undated(year: Int, season: Season?)

    public var firstDay: LocalDate? {
        switch self {
        case .timed(let d, _, _, _), .allDay(let d, _): d
        case .undated: nil
        }
    }

    public var lastDay: LocalDate? {
        switch self {
        case .timed(_, _, let d, _), .allDay(_, let d): d
        case .undated: nil
        }
    }

    public var year: Int {
        switch self {
        case .timed(let d, _, _, _), .allDay(let d, _): d.year
        case .undated(let y, _): y
        }
    }

    /// Every day the meeting touches.
    public var days: [LocalDate] {
        guard let first = firstDay, let last = lastDay, first <= last else { return firstDay.map { [$0] } ?? [] }
        return (0...first.days(to: last)).map { first.adding(days: $0) }
    }

    /// Start and end as minutes on a common line (day number × 1440 + minute), for overlap tests.
    /// All-day spans cover whole days.
    var span: Range<Int>? {
        switch self {
        case .timed(let sd, let s, let ed, let e):
            let lo = sd.dayNumber * 1440 + s.minutes
            let hi = ed.dayNumber * 1440 + e.minutes
            return lo < hi ? lo..<hi : nil
        case .allDay(let f, let l):
            return f <= l ? (f.dayNumber * 1440)..<((l.dayNumber + 1) * 1440) : nil
        case .undated:
            return nil
        }
    }
}
