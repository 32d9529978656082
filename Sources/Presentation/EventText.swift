public import KalendariumCore

/// The text of a feed event: its SUMMARY, DESCRIPTION and CATEGORIES, for a meeting
/// and for a conference year's host duty. The feeds decide the dates and statuses;
/// this says them in Swedish.
extension Swedish {
    /// "Ledningsgruppen – extra möte", "Södertörns Rådslag 2027 (datum ej fastställt, våren 2027)",
    /// with "INSTÄLLT: " before a cancelled one and " (preliminärt)" after a tentative one.
    public static func eventSummary(_ m: Meeting, _ data: CalendarData) -> String {
        var summary = data.name(of: m.subject)
        switch m.kind {
        case .ordinary, .conference: break
        default: summary += " – \(kind(m.kind))"
        }
        if case .conference = m.subject { summary += " \(m.year)" }
        if case .undated(let year, let season) = m.schedule { summary += " (\(undated(season, year)))" }
        if m.status == .cancelled { summary = cancelledPrefix + summary }
        if m.status == .tentative { summary += tentativeSuffix }
        return summary
    }

    /// The lines of the event's DESCRIPTION: what it is, where, the hosts (a conference),
    /// the chair (a body's meeting), guests, the note, a status that is not "confirmed", the
    /// meeting's own page (`meetingURL`) with its published agenda's point titles
    /// (`agenda`, one per line as "1. Välkommen"), and the link to the page.
    /// A cancelled meeting's description starts with when and why it was cancelled
    /// (`cancellation(_:)`): Outlook ignores STATUS:CANCELLED in a subscribed calendar,
    /// so the text is all its users see.
    public static func eventDescription(
        _ m: Meeting, _ data: CalendarData, hosts: RotationEntry?, status: Meeting.Status, pageURL: String,
        meetingURL: String? = nil, agenda: [String] = []
    ) -> String {
        var lines = status == .cancelled ? [cancellation(m)] : []
        lines.append("\(data.name(of: m.subject)) – \(kind(m.kind))")
        if let location = place(m.place, data) { lines.append("\(placeLabel): \(location)") }
        if let hosts { lines.append(hostLine(hosts, data)) }
        if let chair = chair(of: m, data) { lines.append("\(chairLabel): \(chair)") }
        if !m.guests.isEmpty { lines.append("\(guestsLabel): \(list(m.guests))") }
        if let note = m.note { lines.append("\(noteLabel): \(note)") }
        if status != .cancelled, let said = Swedish.status(status) { lines.append("\(statusLabel): \(said)") }
        if let meetingURL { lines.append("\(meetingPageLabel): \(meetingURL)") }
        if !agenda.isEmpty {
            lines.append("\(agendaLabel):")
            lines += agenda.enumerated().map { "\($0 + 1). \($1)" }
        }
        lines.append("\(calendarLink): \(pageURL)")
        return lines.joined(separator: "\n")
    }

    /// "Mötet är inställt (beslutat 3 mars 2026): lokalen är upptagen.", with only what the
    /// data knows: without `cancelled-on` no date, without `cancelled-reason` no reason
    /// ("Konferensen är inställd." for a conference).
    public static func cancellation(_ m: Meeting) -> String {
        var line: String
        switch m.subject {
        case .body: line = "Mötet är inställt"
        case .conference: line = "Konferensen är inställd"
        }
        if let day = m.cancellation?.decided { line += " (beslutat \(dayMonthYear(day)))" }
        guard let reason = m.cancellation?.reason else { return line + "." }
        line += ": " + reason
        return [".", "!", "?"].contains(reason.last) ? line : line + "."
    }

    /// The meeting's CATEGORIES: its body or conference, and its kind.
    public static func eventCategories(_ m: Meeting, _ data: CalendarData) -> [String] {
        [data.name(of: m.subject), kind(m.kind).capitalizedFirst]
    }

    /// A conference year's host duty: "Södertörns Rådslag 2027 – värd: Salem", "Salem är
    /// värd för …", or the arranging network; dated as the conference is, or not yet.
    public static func hostEventSummary(
        _ entry: RotationEntry, _ data: CalendarData, municipality: String?, dateKnown: Bool
    ) -> String {
        let conference = data.conference(entry.conference)
        let name = conference?.name ?? entry.conference
        var summary: String
        if let municipality {
            summary = municipalityHostSummary(
                conference: name, year: entry.year, municipality: data.municipality(municipality)?.name ?? municipality)
        } else if let network = entry.network {
            summary = "\(name) \(entry.year) – \(data.network(network)?.name ?? network)"
        } else {
            summary = hostEventSummary(
                conference: name, year: entry.year, hosts: entry.hosts.map { data.municipality($0)?.name ?? $0 })
        }
        if !dateKnown { summary += " (\(undated(conference?.season, entry.year)))" }
        if entry.status == .cancelled { summary = cancelledPrefix + summary }
        return summary
    }

    public static func hostEventDescription(_ entry: RotationEntry, _ data: CalendarData, pageURL: String) -> String {
        [hostLine(entry, data), "\(calendarLink): \(pageURL)"].joined(separator: "\n")
    }

    public static func hostEventCategories(_ entry: RotationEntry, _ data: CalendarData) -> [String] {
        [data.conference(entry.conference)?.name ?? entry.conference, hostsTitle]
    }

    /// "Värdkommuner: Botkyrka och Salem. Enligt turordningen: …", or the arranging network.
    public static func hostLine(_ entry: RotationEntry, _ data: CalendarData) -> String {
        if let network = entry.network { return arrangedBy(data.network(network)?.name ?? network) }
        let names: (String) -> String = { data.municipality($0)?.name ?? $0 }
        return hosts(entry.hosts.map(names)) + ". " + reason(entry.reason, names: names)
    }
}
