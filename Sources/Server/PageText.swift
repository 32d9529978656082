import KalendariumCore

/// The web page's Swedish text outside the template: dates, rule names, statuses.
/// Together with `PageTemplate.swift` (and `Feeds/Swedish.swift` for the feeds) this is
/// everything a Swedish reader sees.
enum PageText {
    static let weekdays = ["mån", "tis", "ons", "tors", "fre", "lör", "sön"]
    static let months = ["jan", "feb", "mars", "apr", "maj", "juni", "juli", "aug", "sep", "okt", "nov", "dec"]

    /// "fre 25 jan 2019".
    static func date(_ d: LocalDate) -> String {
        "\(weekdays[d.weekday.index]) \(d.day) \(months[d.month - 1]) \(d.year)"
    }

    /// What a planning rule means, for the list of open deviations.
    static func rule(_ rule: String) -> String {
        switch rule {
        case "weekday": "annan veckodag än vanligt"
        case "time": "annan tid än vanligt"
        case "holiday": "på en helgdag"
        case "non-meeting-period": "under en mötesfri period"
        case "minimum-meetings": "färre möten än minst sex per år"
        case "preparation": "inget ledningsgruppsmöte före"
        case "overlap": "krockar med ett annat möte"
        case "no-host": "värdkommun saknas"
        case "host-place": "hålls utanför värdkommunerna"
        case "external-clash": "krockar med en händelse i en annan kalender"
        case "external": "problem i en extern kalender"
        default: rule
        }
    }

    static func status(_ status: Meeting.Status) -> String? {
        switch status {
        case .planned: nil
        case .tentative: "preliminärt"
        case .cancelled: "inställt"
        }
    }

    static let allDay = "heldag"
}
