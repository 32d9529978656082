public import KalendariumCore

/// Dates and times as Swedish readers write them.
extension Swedish {
    static let weekdays = ["måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"]
    static let shortWeekdays = ["mån", "tis", "ons", "tors", "fre", "lör", "sön"]
    static let months = [
        "januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
        "november", "december",
    ]
    static let shortMonths = ["jan", "feb", "mars", "apr", "maj", "juni", "juli", "aug", "sep", "okt", "nov", "dec"]

    /// "torsdag 10 december 2020": in running text (e-mails).
    public static func date(_ d: LocalDate) -> String {
        "\(weekdays[d.weekday.index]) \(d.day) \(months[d.month - 1]) \(d.year)"
    }

    /// "3 mars 2026": a day named in a sentence, where the weekday would only distract.
    public static func dayMonthYear(_ d: LocalDate) -> String { "\(d.day) \(months[d.month - 1]) \(d.year)" }

    /// "fre 25 jan 2019": in tables (the web page).
    public static func shortDate(_ d: LocalDate) -> String {
        "\(shortWeekdays[d.weekday.index]) \(d.day) \(shortMonths[d.month - 1]) \(d.year)"
    }

    /// "fre 25 jan 2019 kl. 10:00".
    public static func shortDateTime(_ d: LocalDate, _ t: LocalTime) -> String { "\(shortDate(d)) kl. \(t)" }

    /// "i dag", "i morgon", "om 3 dagar".
    public static func dueIn(days: Int) -> String {
        days == 0 ? "i dag" : days == 1 ? "i morgon" : "om \(days) dagar"
    }

    public static func season(_ season: Season) -> String {
        switch season {
        case .spring: "våren"
        case .summer: "sommaren"
        case .autumn: "hösten"
        case .winter: "vintern"
        }
    }

    public static let allDay = "heldag"
}
