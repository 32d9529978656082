/// How an outstanding item repeats: the member fee is paid by 15 March every year
/// (agreement § 8), a report is due on the last working day of every month.
///
/// A recurrence is a period (every year in one month, or every month) and a rule for
/// the day in it. Closing one occurrence creates the next (``Item/nextOccurrence(after:on:)``),
/// so every occurrence is an item of its own, with its own reminders and history.
///
/// The text form is what `items add --recurrence`, the YAML files and the JSON use:
/// - `yearly 03-15`: 15 March every year (29 February falls back to 28 in common years);
/// - `yearly 03 last-working-day`, `yearly 09 first monday`: a day rule within one month;
/// - `monthly 15`: the 15th of every month (a day the month lacks falls back to its last);
/// - `monthly last-working-day`, `monthly second tuesday`, `monthly last friday`.
public struct Recurrence: Hashable, Sendable, CustomStringConvertible {
    public enum Period: Hashable, Sendable {
        /// Once a year, in this month (1–12).
        case yearly(month: Int)
        case monthly
    }

    public enum DayRule: Hashable, Sendable {
        /// This day of the month (1–31); a shorter month uses its last day.
        case day(Int)
        /// The first, second … or last such weekday of the month.
        case weekday(Ordinal, Weekday)
        /// The month's last working day (not a weekend, Swedish holiday or eve).
        case lastWorkingDay
    }

    public enum Ordinal: String, CaseIterable, Hashable, Sendable {
        case first, second, third, fourth, last
    }

    public let period: Period
    public let day: DayRule

    public init(period: Period, day: DayRule) {
        self.period = period
        self.day = day
    }

    /// Parses the text form; nil when it is not one (``problem(parsing:)`` says why).
    public init?(text: some StringProtocol) {
        guard case .success(let recurrence) = Self.parse(String(text)) else { return nil }
        self = recurrence
    }

    /// Why `text` is not a recurrence, as a message for the person who wrote it; nil when it is one.
    public static func problem(parsing text: String) -> String? {
        if case .failure(let problem) = parse(text) { return problem.message }
        return nil
    }

    public var description: String {
        switch (period, day) {
        case (.yearly(let month), .day(let d)): "yearly \(MonthDay(month: month, day: d))"
        case (.yearly(let month), let rule): "yearly \(LocalDate.pad(month, 2)) \(Self.text(rule))"
        case (.monthly, let rule): "monthly \(Self.text(rule))"
        }
    }

    /// The first occurrence strictly after `date`: the next due date once the
    /// occurrence due on `date` is closed.
    public func next(after date: LocalDate) -> LocalDate {
        switch period {
        case .yearly(let month):
            let this = occurrence(year: date.year, month: month)
            return this > date ? this : occurrence(year: date.year + 1, month: month)
        case .monthly:
            var (year, month) = (date.year, date.month)
            while true {
                let candidate = occurrence(year: year, month: month)
                if candidate > date { return candidate }
                (year, month) = month == 12 ? (year + 1, 1) : (year, month + 1)
            }
        }
    }

    /// Whether `date` is one of the occurrences.
    public func includes(_ date: LocalDate) -> Bool { next(after: date.adding(days: -1)) == date }

    /// The occurrence in one month.
    func occurrence(year: Int, month: Int) -> LocalDate {
        let length = LocalDate.daysIn(month: month, year: year)
        switch day {
        case .day(let d):
            return LocalDate(year: year, month: month, day: min(d, length))!
        case .weekday(let ordinal, let weekday):
            if ordinal == .last {
                let end = LocalDate(year: year, month: month, day: length)!
                return end.adding(days: -((end.weekday.index - weekday.index + 7) % 7))
            }
            let start = LocalDate(year: year, month: month, day: 1)!
            let first = start.adding(days: (weekday.index - start.weekday.index + 7) % 7)
            return first.adding(days: 7 * (Ordinal.allCases.firstIndex(of: ordinal)!))
        case .lastWorkingDay:
            var date = LocalDate(year: year, month: month, day: length)!
            // Every month has working days; the loop ends within the month.
            while !SwedishHolidays.isWorkingDay(date) { date = date.adding(days: -1) }
            return date
        }
    }

    private static func text(_ rule: DayRule) -> String {
        switch rule {
        case .day(let d): "\(d)"
        case .weekday(let ordinal, let weekday): "\(ordinal.rawValue) \(weekday.rawValue)"
        case .lastWorkingDay: "last-working-day"
        }
    }

    private struct Problem: Error {
        let message: String
    }

    private static let form =
        "write yearly MM-DD, yearly MM last-working-day, yearly MM first monday, monthly 15, monthly last-working-day or monthly second tuesday"

    private static func parse(_ text: String) -> Result<Recurrence, Problem> {
        let words = text.lowercased().split(whereSeparator: \.isWhitespace).map(String.init)
        guard let kind = words.first else { return .failure(Problem(message: "the recurrence is empty; \(form)")) }
        switch kind {
        case "yearly":
            guard words.count >= 2 else { return .failure(Problem(message: "\"\(text)\" names no day; \(form)")) }
            if words.count == 2 {
                guard let monthDay = MonthDay(text: words[1]) else {
                    return .failure(Problem(message: "\"\(words[1])\" is not a day as MM-DD; \(form)"))
                }
                return .success(Recurrence(period: .yearly(month: monthDay.month), day: .day(monthDay.day)))
            }
            guard words[1].count == 2, let month = Int(words[1]), (1...12).contains(month) else {
                return .failure(Problem(message: "\"\(words[1])\" is not a month as MM (01–12); \(form)"))
            }
            return rule(Array(words.dropFirst(2)), in: text).map { Recurrence(period: .yearly(month: month), day: $0) }
        case "monthly":
            guard words.count >= 2 else { return .failure(Problem(message: "\"\(text)\" names no day; \(form)")) }
            if words.count == 2, let d = Int(words[1]) {
                guard (1...31).contains(d) else {
                    return .failure(Problem(message: "day \(d) is not 1–31; \(form)"))
                }
                return .success(Recurrence(period: .monthly, day: .day(d)))
            }
            return rule(Array(words.dropFirst()), in: text).map { Recurrence(period: .monthly, day: $0) }
        default:
            return .failure(Problem(message: "\"\(text)\" is not a recurrence; \(form)"))
        }
    }

    private static func rule(_ words: [String], in text: String) -> Result<DayRule, Problem> {
        if words == ["last-working-day"] { return .success(.lastWorkingDay) }
        if words.count == 2, let ordinal = Ordinal(rawValue: words[0]) {
            guard let weekday = Weekday(rawValue: words[1]) else {
                return .failure(Problem(message: "\"\(words[1])\" is not a weekday (monday … sunday); \(form)"))
            }
            return .success(.weekday(ordinal, weekday))
        }
        return .failure(Problem(message: "\"\(text)\" has no day rule I know; \(form)"))
    }
}
