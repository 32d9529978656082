/// Swedish public holidays (allmänna helgdagar, lag 1989:253) and the eves that are
/// de facto days off (midsommarafton, julafton, nyårsafton), for any year.
public enum SwedishHolidays {
    /// A named day off.
    public struct Holiday: Hashable, Sendable {
        public let date: LocalDate
        /// The Swedish name, as people-facing text uses it.
        public let name: String
        /// True for the eves that the law does not list but nobody works on.
        public let isEve: Bool
    }

    /// Every holiday and eve of `year`, in date order.
    public static func holidays(in year: Int) -> [Holiday] {
        let easter = easterSunday(year)
        func day(_ m: Int, _ d: Int) -> LocalDate { LocalDate(year: year, month: m, day: d)! }
        /// The first `weekday` on or after `start`.
        func first(_ weekday: Weekday, onOrAfter start: LocalDate) -> LocalDate {
            start.adding(days: (weekday.index - start.weekday.index + 7) % 7)
        }
        let midsummerEve = first(.friday, onOrAfter: day(6, 19))
        let list: [Holiday] = [
            Holiday(date: day(1, 1), name: "Nyårsdagen", isEve: false),
            Holiday(date: day(1, 6), name: "Trettondedag jul", isEve: false),
            Holiday(date: easter.adding(days: -2), name: "Långfredagen", isEve: false),
            Holiday(date: easter.adding(days: -1), name: "Påskafton", isEve: true),
            Holiday(date: easter, name: "Påskdagen", isEve: false),
            Holiday(date: easter.adding(days: 1), name: "Annandag påsk", isEve: false),
            Holiday(date: day(5, 1), name: "Första maj", isEve: false),
            Holiday(date: easter.adding(days: 39), name: "Kristi himmelsfärdsdag", isEve: false),
            Holiday(date: easter.adding(days: 49), name: "Pingstdagen", isEve: false),
            Holiday(date: day(6, 6), name: "Sveriges nationaldag", isEve: false),
            Holiday(date: midsummerEve, name: "Midsommarafton", isEve: true),
            Holiday(date: midsummerEve.adding(days: 1), name: "Midsommardagen", isEve: false),
            Holiday(date: first(.saturday, onOrAfter: day(10, 31)), name: "Alla helgons dag", isEve: false),
            Holiday(date: day(12, 24), name: "Julafton", isEve: true),
            Holiday(date: day(12, 25), name: "Juldagen", isEve: false),
            Holiday(date: day(12, 26), name: "Annandag jul", isEve: false),
            Holiday(date: day(12, 31), name: "Nyårsafton", isEve: true),
        ]
        return list.sorted { $0.date < $1.date }
    }

    /// The holiday on `date`, if any.
    public static func holiday(on date: LocalDate) -> Holiday? {
        holidays(in: date.year).first { $0.date == date }
    }

    /// A working day: not a weekend, holiday or eve.
    public static func isWorkingDay(_ date: LocalDate) -> Bool {
        !date.weekday.isWeekend && holiday(on: date) == nil
    }

    /// A klämdag: a working day squeezed between a day off and a weekend
    /// (the Friday after Ascension Day, say), when many take leave.
    public static func isBridgeDay(_ date: LocalDate) -> Bool {
        guard isWorkingDay(date) else { return false }
        let before = date.adding(days: -1)
        let after = date.adding(days: 1)
        return !isWorkingDay(before) && !isWorkingDay(after)
    }

    /// Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm).
    public static func easterSunday(_ year: Int) -> LocalDate {
        let a = year % 19
        let b = year / 100
        let c = year % 100
        let d = b / 4
        let e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4
        let k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = ((h + l - 7 * m + 114) % 31) + 1
        return LocalDate(year: year, month: month, day: day)!
    }
}
