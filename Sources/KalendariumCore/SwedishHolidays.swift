/// Swedish public holidays (allmänna helgdagar, lag 1989:253) and the eves that are
/// de facto days off (midsommarafton, julafton, nyårsafton), for any year.
public enum SwedishHolidays {
    /// A day off: its date and which holiday it is (the presentation target names it in Swedish).
    public struct Holiday: Hashable, Sendable {
        public let date: LocalDate
        public let kind: Kind

        init(date: LocalDate, _ kind: Kind) {
            self.date = date
            self.kind = kind
        }

        /// True for the eves that the law does not list but nobody works on.
        public var isEve: Bool { [.easterEve, .midsummerEve, .christmasEve, .newYearsEve].contains(kind) }

        /// Each holiday and eve; `description` is its English name, for the command line.
        public enum Kind: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
            case newYearsDay
            case epiphany
            case goodFriday
            case easterEve
            case easterDay
            case easterMonday
            case mayDay
            case ascensionDay
            case whitSunday
            case nationalDay
            case midsummerEve
            case midsummerDay
            case allSaintsDay
            case christmasEve
            case christmasDay
            case boxingDay
            case newYearsEve

            public var description: String {
                switch self {
                case .newYearsDay: "New Year's Day"
                case .epiphany: "Epiphany"
                case .goodFriday: "Good Friday"
                case .easterEve: "Easter Eve"
                case .easterDay: "Easter Day"
                case .easterMonday: "Easter Monday"
                case .mayDay: "May Day"
                case .ascensionDay: "Ascension Day"
                case .whitSunday: "Whit Sunday"
                case .nationalDay: "National Day of Sweden"
                case .midsummerEve: "Midsummer Eve"
                case .midsummerDay: "Midsummer Day"
                case .allSaintsDay: "All Saints' Day"
                case .christmasEve: "Christmas Eve"
                case .christmasDay: "Christmas Day"
                case .boxingDay: "Boxing Day"
                case .newYearsEve: "New Year's Eve"
                }
            }
        }
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
            Holiday(date: day(1, 1), .newYearsDay),
            Holiday(date: day(1, 6), .epiphany),
            Holiday(date: easter.adding(days: -2), .goodFriday),
            Holiday(date: easter.adding(days: -1), .easterEve),
            Holiday(date: easter, .easterDay),
            Holiday(date: easter.adding(days: 1), .easterMonday),
            Holiday(date: day(5, 1), .mayDay),
            Holiday(date: easter.adding(days: 39), .ascensionDay),
            Holiday(date: easter.adding(days: 49), .whitSunday),
            Holiday(date: day(6, 6), .nationalDay),
            Holiday(date: midsummerEve, .midsummerEve),
            Holiday(date: midsummerEve.adding(days: 1), .midsummerDay),
            Holiday(date: first(.saturday, onOrAfter: day(10, 31)), .allSaintsDay),
            Holiday(date: day(12, 24), .christmasEve),
            Holiday(date: day(12, 25), .christmasDay),
            Holiday(date: day(12, 26), .boxingDay),
            Holiday(date: day(12, 31), .newYearsEve),
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
