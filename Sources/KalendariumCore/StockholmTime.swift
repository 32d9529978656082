/// Europe/Stockholm's offset from UTC under the EU rule in force since 1996: summer
/// time from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday
/// of October. The feeds carry the same rule in their VTIMEZONE.
public enum StockholmTime {
    /// Offset in seconds east of UTC at `instant`.
    public static func offset(at instant: UTCInstant) -> Int {
        let year = instant.date.year
        let start = UTCInstant(date: lastSunday(of: 3, year), hour: 1)
        let end = UTCInstant(date: lastSunday(of: 10, year), hour: 1)
        return instant >= start && instant < end ? 7200 : 3600
    }

    /// The wall-clock date and time in Stockholm at `instant`.
    public static func local(_ instant: UTCInstant) -> (date: LocalDate, time: LocalTime) {
        let shifted = instant.adding(seconds: offset(at: instant))
        return (shifted.date, LocalTime(hour: shifted.hour, minute: shifted.minute)!)
    }

    /// The instant of a Stockholm wall-clock time. In the autumn hour that repeats,
    /// the first (summer-time) one; in the spring hour that is skipped, the time an hour later.
    public static func instant(_ date: LocalDate, _ time: LocalTime) -> UTCInstant {
        let naive = UTCInstant(date: date, hour: time.hour, minute: time.minute)
        let summer = naive.adding(seconds: -7200)
        if offset(at: summer) == 7200 { return summer }
        return naive.adding(seconds: -3600)
    }

    public static func lastSunday(of month: Int, _ year: Int) -> LocalDate {
        let last = LocalDate(year: year, month: month, day: LocalDate.daysIn(month: month, year: year))!
        return last.adding(days: -((last.weekday.index - Weekday.sunday.index + 7) % 7))
    }
}
