public import KalendariumCore

/// The words of a person's own calendar (`/calendars/person/{token}.ics`).
extension Swedish {
    public static func personalTitle(_ name: String) -> String { "Min kalender (\(name))" }
    public static let personalDescription =
        "Dina möten och konferenser och dina utestående ärendens slutdatum. Länken är din egen: dela den inte."

    /// What a meeting's SUMMARY says after the title about the person's own answer.
    public static func answerMark(_ answer: Answer) -> String {
        switch answer.kind {
        case .coming: " (anmäld)"
        case .notComing: " (förhinder anmält)"
        case .substitute: " (ersättare anmäld: \(answer.substitute ?? ""))"
        case .partial: " (kommer delvis)"
        case .tentative: " (kanske)"
        }
    }

    /// The CATEGORIES of an item's due date.
    public static let itemCategory = "Ärende"

    /// An item's due date as an all-day event: "Klart senast: …".
    public static func itemDueSummary(_ item: Item) -> String { "Klart senast: \(item.title)" }

    public static func itemDueDescription(_ item: Item, _ data: CalendarData) -> String {
        var lines = ["Utestående ärende (\(status(item.status).lowercased()))."]
        if !item.description.isEmpty { lines.append(item.description) }
        if let body = data.body(item.body) { lines.append("\(body.name).") }
        if let id = item.meeting, let meeting = data.meetings.first(where: { $0.id == id }) {
            lines.append("Beslutat vid \(meetingTitle(meeting, data)).")
        }
        if let last = item.history.last, !last.text.isEmpty {
            lines.append("Senaste anteckning (\(last.date)): \(last.text)")
        }
        return lines.joined(separator: "\n")
    }
}
