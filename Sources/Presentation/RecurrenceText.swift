public import KalendariumCore

/// How a recurring item repeats, in Swedish: "varje år den 15 mars",
/// "sista arbetsdagen i varje månad", "andra tisdagen i mars varje år".
extension Swedish {
    public static func recurrence(_ recurrence: Recurrence) -> String {
        switch (recurrence.period, recurrence.day) {
        case (.yearly(let month), .day(let d)): "varje år den \(d) \(months[month - 1])"
        case (.yearly(let month), let rule): "\(dayRule(rule)) i \(months[month - 1]) varje år"
        case (.monthly, .day(let d)): "den \(ordinal(d)) varje månad"
        case (.monthly, let rule): "\(dayRule(rule)) i varje månad"
        }
    }

    static func dayRule(_ rule: Recurrence.DayRule) -> String {
        switch rule {
        case .day(let d): "den \(d)"
        case .lastWorkingDay: "sista arbetsdagen"
        case .weekday(let ordinal, let weekday):
            "\(ordinals[ordinal]!) \(weekdays[weekday.index])en"
        }
    }

    /// "1:a", "2:a", "3:e", "11:e", "21:a", "31:a".
    static func ordinal(_ n: Int) -> String {
        let a = [1, 2].contains(n % 10) && ![11, 12].contains(n % 100)
        return "\(n):\(a ? "a" : "e")"
    }

    static let ordinals: [Recurrence.Ordinal: String] = [
        .first: "första", .second: "andra", .third: "tredje", .fourth: "fjärde", .last: "sista",
    ]
}
