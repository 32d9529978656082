public import ICalendar
public import KalendariumCore
import Presentation

/// Renders a feed definition to iCalendar text through libical.
///
/// What real clients need (RFC 5545, RFC 5546, RFC 7986 and the big clients' habits):
/// - METHOD:PUBLISH, which Outlook and Apple Calendar read as "a published calendar to
///   subscribe to", not an invitation to answer; RFC 5546 §3.2.1 then requires an
///   ORGANIZER on every event: the secretariat's functional mailbox, with its CN;
/// - RFC 7986's NAME, DESCRIPTION, URL, SOURCE (the feed's own address) and
///   REFRESH-INTERVAL, and the older X-WR-CALNAME/X-WR-CALDESC/X-WR-TIMEZONE and
///   X-PUBLISHED-TTL that Apple, Google and Outlook read instead;
/// - per event a URL to its row on the web page and a COLOR from its body or conference;
/// - one VTIMEZONE that every TZID refers to, and all-day events as VALUE=DATE with an
///   exclusive end.
public enum FeedRenderer {
    public static let productID = "-//\(Swedish.organisation)//Kalendarium//SV"

    public static func render(
        _ feed: FeedDefinition, revisions: EventRevisions, settings: FeedSettings
    ) throws(ICalError) -> String {
        let events = feed.events.sorted { (startKey($0), $0.uid) < (startKey($1), $1.uid) }
        let calendar = ICalComponent(
            "VCALENDAR",
            properties: [
                ICalProperty("VERSION", .text("2.0")),
                ICalProperty("PRODID", .text(productID)),
                ICalProperty("CALSCALE", .text("GREGORIAN")),
                ICalProperty("METHOD", .token("PUBLISH")),
                ICalProperty("NAME", .text(Swedish.calendarName(feed.title))),
                ICalProperty("DESCRIPTION", .text(feed.description)),
                ICalProperty("URL", .uri(settings.pageBase)),
                ICalProperty("SOURCE", .uri(settings.feedURL(feed.name))),
                ICalProperty("X-WR-CALNAME", .text(Swedish.calendarName(feed.title))),
                ICalProperty("X-WR-CALDESC", .text(feed.description)),
                ICalProperty("X-WR-TIMEZONE", .text(StockholmZone.tzid)),
                ICalProperty(
                    "REFRESH-INTERVAL", .duration(settings.refreshInterval),
                    parameters: [ICalParameter("VALUE", "DURATION")]),
                ICalProperty("X-PUBLISHED-TTL", .text(settings.refreshInterval)),
            ] + (feed.color.map { [ICalProperty("COLOR", .text($0.name))] } ?? []),
            components: [StockholmZone.component]
                + events.map { component($0, revisions: revisions, settings: settings) })
        return try ICalendarWriter.serialize(calendar)
    }

    /// One meeting as a calendar of its own, for an e-mail attachment: the same UID,
    /// SEQUENCE, ORGANIZER and text as in the feeds, so a client that subscribes and opens
    /// the attachment shows one event, not two.
    public static func attachment(
        for meeting: Meeting, data: CalendarData, revisions: EventRevisions, settings: FeedSettings,
        agendas: [String: AgendaVersion] = [:]
    ) throws(ICalError) -> String {
        let event = FeedEventFactory(data: data, settings: settings, agendas: agendas).event(for: meeting)
        let calendar = ICalComponent(
            "VCALENDAR",
            properties: [
                ICalProperty("VERSION", .text("2.0")), ICalProperty("PRODID", .text(productID)),
                ICalProperty("METHOD", .token("PUBLISH")),
            ],
            components: [StockholmZone.component, component(event, revisions: revisions, settings: settings)])
        return try ICalendarWriter.serialize(calendar)
    }

    /// One VEVENT; `revisions` must hold the event (record before rendering).
    public static func component(_ event: FeedEvent, revisions: EventRevisions, settings: FeedSettings) -> ICalComponent
    {
        let revision =
            revisions.revision(of: event.uid)
            ?? EventRevision(contentHash: "", sequence: 0, modified: UTCInstant(secondsSince1970: 0))
        var properties = [
            ICalProperty("UID", .text("\(event.uid)@\(settings.uidDomain)")),
            ICalProperty("DTSTAMP", utc(revision.modified)),
            ICalProperty("LAST-MODIFIED", utc(revision.modified)),
            ICalProperty("SEQUENCE", .integer(revision.sequence)),
            ICalProperty(
                "ORGANIZER", .calendarAddress(settings.organizer),
                parameters: [ICalParameter("CN", settings.organizerName)]),
        ]
        switch event.time {
        case .timed(let start, let startTime, let end, let endTime):
            let tz = [ICalParameter("TZID", StockholmZone.tzid)]
            properties.append(ICalProperty("DTSTART", local(start, startTime), parameters: tz))
            properties.append(ICalProperty("DTEND", local(end, endTime), parameters: tz))
        case .allDay(let first, let last):
            properties.append(ICalProperty("DTSTART", date(first), parameters: [ICalParameter("VALUE", "DATE")]))
            properties.append(
                ICalProperty("DTEND", date(last.adding(days: 1)), parameters: [ICalParameter("VALUE", "DATE")]))
        }
        properties.append(ICalProperty("SUMMARY", .text(event.summary)))
        if let location = event.location { properties.append(ICalProperty("LOCATION", .text(location))) }
        properties.append(ICalProperty("DESCRIPTION", .text(event.description)))
        properties.append(ICalProperty("CATEGORIES", .text(event.categories.joined(separator: ","))))
        properties.append(ICalProperty("STATUS", .token(event.status.rawValue)))
        properties.append(ICalProperty("TRANSP", .token(event.transparent ? "TRANSPARENT" : "OPAQUE")))
        properties.append(ICalProperty("CLASS", .token("PUBLIC")))
        properties.append(ICalProperty("URL", .uri(settings.eventURL(anchor: event.anchor))))
        if let color = event.color { properties.append(ICalProperty("COLOR", .text(color.name))) }
        return ICalComponent("VEVENT", properties: properties)
    }

    private static func startKey(_ event: FeedEvent) -> Int {
        switch event.time {
        case .timed(let d, let t, _, _): d.dayNumber * 1440 + t.minutes
        case .allDay(let d, _): d.dayNumber * 1440
        }
    }

    static func utc(_ t: UTCInstant) -> ICalValue {
        .utcDateTime(
            year: t.date.year, month: t.date.month, day: t.date.day, hour: t.hour, minute: t.minute, second: t.second)
    }

    static func local(_ d: LocalDate, _ t: LocalTime) -> ICalValue {
        .localDateTime(year: d.year, month: d.month, day: d.day, hour: t.hour, minute: t.minute, second: 0)
    }

    static func date(_ d: LocalDate) -> ICalValue { .date(year: d.year, month: d.month, day: d.day) }
}
