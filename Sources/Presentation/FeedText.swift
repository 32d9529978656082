import KalendariumCore

/// The feeds' names, descriptions and event labels.
extension Swedish {
    // MARK: Feed names and descriptions

    public static func calendarName(_ title: String) -> String { "\(organisation) – \(title)" }
    public static let allTitle = "Alla möten och konferenser"
    public static let allDescription =
        "Ledningsgruppens och samarbetskommitténs möten och Södertörns återkommande konferenser."
    public static let hostsTitle = "Värdkommuner"
    public static func hostsDescription(from: Int, to: Int) -> String {
        "Vilka kommuner som är värdar för Södertörns konferenser \(from)–\(to) och varför."
    }
    public static func bodyDescription(_ name: String) -> String { "Mötena i \(name.lowercasedFirst)." }
    public static func conferenceDescription(_ name: String) -> String { "\(name): datum och värdkommuner." }
    public static func municipalityDescription(_ name: String) -> String {
        "Möten i \(name) och \(name)s värdskap för Södertörns konferenser."
    }

    /// The CN of every event's ORGANIZER unless `organizer-name` says otherwise: the
    /// secretariat the municipalities fund together (004_0ac1c0381d9a1877.txt, section 6:
    /// "Kommunerna finansierar gemensamt ett sekretariat").
    public static let secretariat = "Södertörnskommunernas sekretariat"

    // MARK: Event text

    public static let cancelledPrefix = "INSTÄLLT: "
    public static let tentativeSuffix = " (preliminärt)"
    public static let placeLabel = "Plats"
    public static let guestsLabel = "Gäster"
    public static let noteLabel = "Anteckning"
    public static let statusLabel = "Status"
    public static let calendarLink = "Kalendarium"
    public static let meetingPageLabel = "Mötets sida"
    public static let agendaLabel = "Dagordning"
}
