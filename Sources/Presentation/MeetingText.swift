public import KalendariumCore

/// How a meeting is named, timed and placed, the same in feeds, e-mails and the page.
extension Swedish {
    /// The kind of meeting: "ordinarie möte", "extra möte", …
    public static func kind(_ kind: Meeting.Kind) -> String {
        switch kind {
        case .ordinary: "ordinarie möte"
        case .planningConference: "planeringskonferens"
        case .extra: "extra möte"
        case .withGuests: "möte med gäster"
        case .conference: "konferens"
        }
    }

    /// A status worth saying; nil for a planned meeting.
    public static func status(_ status: Meeting.Status) -> String? {
        switch status {
        case .planned: nil
        case .tentative: tentative
        case .cancelled: cancelled
        }
    }

    /// "Meeri Wasberg (Haninge)", or the name alone when the data gives no municipality.
    public static func chairperson(_ person: Chairperson, _ data: CalendarData) -> String {
        guard let slug = person.municipality else { return person.name }
        return "\(person.name) (\(data.municipality(slug)?.name ?? slug))"
    }

    /// The chair of the meeting, as a line's value; nil when the data names none.
    public static func chair(of m: Meeting, _ data: CalendarData) -> String? {
        data.chair(of: m).map { chairperson($0, data) }
    }

    public static let chairLabel = "Ordförande"

    public static let tentative = "preliminärt"
    public static let cancelled = "inställt"
    public static let digital = "digitalt"

    /// "samarbetskommitténs möte torsdag 2 september 2021": an ordinary meeting is
    /// just "möte" in running text; other kinds keep their name.
    public static func meetingTitle(_ m: Meeting, _ data: CalendarData) -> String {
        let kind = m.kind == .ordinary ? "möte" : kind(m.kind)
        let day = m.schedule.firstDay.map { " " + date($0) } ?? ""
        return "\(data.name(of: m.subject).lowercasedFirst)s \(kind)\(day)"
    }

    /// "torsdag 10 december 2020 kl. 09:00–12:00", in running text.
    public static func when(_ m: Meeting) -> String {
        switch m.schedule {
        case .timed(let sd, let s, let ed, let e):
            sd == ed ? "\(date(sd)) kl. \(s)–\(e)" : "\(date(sd)) kl. \(s) till \(date(ed)) kl. \(e)"
        case .allDay(let f, let l): f == l ? date(f) : "\(date(f)) till \(date(l))"
        case .undated(let y, nil): "\(undated(nil, y)) (\(y))"
        case .undated(let y, let season): undated(season, y)
        }
    }

    /// "datum ej fastställt, hösten 2019", or just "datum ej fastställt" when not even the
    /// season is known (the year is beside it already: "Södertörns Rådslag 2027").
    public static func undated(_ season: Season?, _ year: Int) -> String {
        "datum ej fastställt" + (season.map { ", \(Swedish.season($0)) \(year)" } ?? "")
    }

    /// "Tyresö slott, Tyresö", "StorSthlm", "Digitalt (Teams)", "Salem, digitalt".
    public static func place(_ place: Place?, _ data: CalendarData) -> String? {
        guard let place else { return nil }
        var parts: [String] = []
        if let venue = place.venue { parts.append(venue) }
        if let slug = place.municipality { parts.append(data.municipality(slug)?.name ?? slug) }
        if let online = place.digital { parts.append(digital + (online.platform.map { " (\($0))" } ?? "")) }
        return parts.isEmpty ? nil : parts.joined(separator: ", ").capitalizedFirst
    }
}
