public import KalendariumCore

/// The Swedish text of reminder e-mails, in one place for a native speaker to review.
public enum ReminderText {
    public static func subject(_ envelope: ReminderPass.Envelope, data: CalendarData) -> String {
        let reminders = envelope.reminders
        if reminders.count == 1, let only = reminders.first {
            switch only.subject {
            case .itemDue(let item, let days): return "Påminnelse: \(item.title) – \(dueIn(days))"
            case .itemOverdue(let item, _): return "Försenat ärende: \(item.title)"
            case .agenda(let meeting, _): return "Kallelse: \(meetingTitle(meeting, data))"
            case .digest: return "Dagens sammanställning av utestående ärenden"
            }
        }
        return "Södertörnskommunerna: \(reminders.count) påminnelser"
    }

    public static func body(
        _ envelope: ReminderPass.Envelope, data: CalendarData, pageURL: String, unsubscribe: String
    ) -> String {
        var lines = ["Hej \(envelope.recipient.name)!", ""]
        for reminder in envelope.reminders {
            switch reminder.subject {
            case .itemDue(let item, let days):
                lines += [
                    "Ärendet \"\(item.title)\" ska vara klart \(dueIn(days)) (\(item.due.map(longDate) ?? "")).",
                    "Status: \(status(item.status)).",
                ]
                lines += itemDetails(item, data)
            case .itemOverdue(let item, let days):
                lines += [
                    "Ärendet \"\(item.title)\" skulle ha varit klart för \(days) dagar sedan "
                        + "(\(item.due.map(longDate) ?? "")) och \(item.status == .inProgress ? "pågår fortfarande" : "är fortfarande öppet")."
                ]
                lines += itemDetails(item, data)
            case .agenda(let meeting, let items):
                lines += ["Kallelse till \(meetingTitle(meeting, data)).", "Tid: \(when(meeting))."]
                if let place = place(meeting, data) { lines.append("Plats: \(place).") }
                if let note = meeting.note { lines.append(note) }
                lines.append("")
                lines.append(items.isEmpty ? "Inga utestående ärenden." : "Utestående ärenden:")
                for item in items {
                    lines.append(
                        "  • \(item.title) (\(status(item.status).lowercased())\(item.due.map { ", klart senast \(longDate($0))" } ?? ""))"
                    )
                }
                lines.append("Mötet finns som bilaga och i prenumerationen på kalendern.")
            case .digest(let items):
                lines.append("Utestående ärenden i dag:")
                for item in items { lines.append("  • \(item.title) (\(status(item.status).lowercased()))") }
            }
            lines.append("")
        }
        lines += [
            "Kalendarium: \(pageURL)",
            "",
            "--",
            "Du får detta mejl från Södertörnskommunernas kalendarium eftersom du finns i "
                + "mottagarlistan \(reasons(envelope.recipient)).",
            "Vill du inte längre få mejl av det här slaget? Skriv till \(unsubscribe).",
        ]
        return lines.joined(separator: "\n")
    }

    static func itemDetails(_ item: Item, _ data: CalendarData) -> [String] {
        var lines: [String] = []
        if !item.description.isEmpty { lines.append(item.description) }
        if let meeting = item.meeting, let m = data.meetings.first(where: { $0.id == meeting }) {
            lines.append("Beslutat vid \(meetingTitle(m, data)).")
        }
        if let last = item.history.last, !last.text.isEmpty {
            lines.append("Senaste anteckning (\(last.date)): \(last.text)")
        }
        return lines
    }

    static func reasons(_ r: Recipient) -> String {
        var parts: [String] = []
        if r.receives.contains(.items) { parts.append("för påminnelser om dina ärenden") }
        if r.receives.contains(.agenda) { parts.append("för kallelser") }
        if r.receives.contains(.overdue) { parts.append("för försenade ärenden") }
        if r.dailyDigest { parts.append("för en daglig sammanställning") }
        return parts.isEmpty ? "" : Self.list(parts)
    }

    static func list(_ items: [String]) -> String {
        items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + " och " + items.last!
    }

    public static func meetingTitle(_ m: Meeting, _ data: CalendarData) -> String {
        let name = data.name(of: m.subject)
        let kind =
            m.kind == .ordinary
            ? "möte" : m.kind == .planningConference ? "planeringskonferens" : m.kind == .extra ? "extra möte" : "möte"
        return "\(name.lowercasedFirst)s \(kind) \(m.schedule.firstDay.map(longDate) ?? "")"
    }

    static func when(_ m: Meeting) -> String {
        switch m.schedule {
        case .timed(let sd, let s, let ed, let e):
            return sd == ed ? "\(longDate(sd)) kl. \(s)–\(e)" : "\(longDate(sd)) kl. \(s) till \(longDate(ed)) kl. \(e)"
        case .allDay(let f, let l): return f == l ? longDate(f) : "\(longDate(f)) till \(longDate(l))"
        case .undated(let y, _): return "\(y), datum ej fastställt"
        }
    }

    static func place(_ m: Meeting, _ data: CalendarData) -> String? {
        var parts: [String] = []
        if let v = m.place?.venue { parts.append(v) }
        if let slug = m.place?.municipality { parts.append(data.municipality(slug)?.name ?? slug) }
        if let d = m.place?.digital { parts.append(d == "digitalt" ? "digitalt" : "digitalt (\(d))") }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    static func dueIn(_ days: Int) -> String { days == 0 ? "i dag" : days == 1 ? "i morgon" : "om \(days) dagar" }

    static func status(_ s: Item.Status) -> String {
        switch s {
        case .open: "Öppet"
        case .inProgress: "Pågår"
        case .done: "Klart"
        case .cancelled: "Avslutat"
        }
    }

    static let months = [
        "januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
        "november", "december",
    ]
    static let weekdays = ["måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"]

    /// "torsdag 10 december 2020".
    public static func longDate(_ d: LocalDate) -> String {
        "\(weekdays[d.weekday.index]) \(d.day) \(months[d.month - 1]) \(d.year)"
    }
}
