public import ICalendar
public import KalendariumCore

/// Renders a feed definition to iCalendar text through libical.
///
/// What real clients need (RFC 5545, RFC 7986 and the big clients' habits):
/// METHOD:PUBLISH, X-WR-CALNAME/X-WR-CALDESC/X-WR-TIMEZONE for Apple and Google,
/// REFRESH-INTERVAL and X-PUBLISHED-TTL for Apple and Outlook, one VTIMEZONE that
/// every TZID refers to, and all-day events as VALUE=DATE with an exclusive end.
public enum FeedRenderer {
    public static let productID = "-//Södertörnskommunerna//Kalendarium//SV"

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
                ICalProperty("X-WR-CALNAME", .text(Swedish.calendarName(feed.title))),
                ICalProperty("X-WR-CALDESC", .text(feed.description)),
                ICalProperty("X-WR-TIMEZONE", .text(StockholmZone.tzid)),
                ICalProperty(
                    "REFRESH-INTERVAL", .duration(settings.refreshInterval),
                    parameters: [ICalParameter("VALUE", "DURATION")]),
                ICalProperty("X-PUBLISHED-TTL", .text(settings.refreshInterval)),
            ],
            components: [StockholmZone.component]
                + events.map { component($0, revisions: revisions, settings: settings) })
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
        properties.append(ICalProperty("URL", .uri(settings.pageURL)))
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

/// The VTIMEZONE every feed carries.
///
/// libical's builtin zone has a vendor TZID (`/freeassociation.sourceforge.net/…`) and
/// every transition since 1879; clients want the plain Olson name and the rule in
/// force. This is that rule, truncated to 1996, when the EU rule began: summer time
/// from the last Sunday of March 02:00 to the last Sunday of October 03:00. A test
/// checks it against libical's own Europe/Stockholm for every year to 2037.
public enum StockholmZone {
    public static let tzid = "Europe/Stockholm"

    public static let component = ICalComponent(
        "VTIMEZONE",
        properties: [ICalProperty("TZID", .text(tzid)), ICalProperty("X-LIC-LOCATION", .text(tzid))],
        components: [
            transition("DAYLIGHT", name: "CEST", from: 3600, to: 7200, month: 3, day: 31, hour: 2),
            transition("STANDARD", name: "CET", from: 7200, to: 3600, month: 10, day: 27, hour: 3),
        ])

    /// One yearly change on the last Sunday of `month`, first in 1996.
    static func transition(
        _ kind: String, name: String, from: Int, to: Int, month: Int, day: Int, hour: Int
    ) -> ICalComponent {
        ICalComponent(
            kind,
            properties: [
                ICalProperty("TZOFFSETFROM", .utcOffset(from)),
                ICalProperty("TZOFFSETTO", .utcOffset(to)),
                ICalProperty("TZNAME", .text(name)),
                ICalProperty(
                    "DTSTART", .localDateTime(year: 1996, month: month, day: day, hour: hour, minute: 0, second: 0)),
                ICalProperty("RRULE", .recurrence("FREQ=YEARLY;BYMONTH=\(month);BYDAY=-1SU")),
            ])
    }
}

/// One rendered feed with what an HTTP server needs to describe it.
public struct RenderedFeed: Sendable {
    public let name: String
    public let title: String
    public let description: String
    public let text: String
    public let eventCount: Int
    /// The latest LAST-MODIFIED of its events (the build time for an empty feed).
    public let lastModified: UTCInstant
}

/// Every feed rendered, in catalog order, with the revisions they were rendered with.
public struct FeedSet: Sendable {
    public let feeds: [RenderedFeed]
    public let revisions: EventRevisions

    /// Records every event's revision as of `now`, then renders every feed.
    public static func build(
        data: CalendarData, settings: FeedSettings, revisions previous: EventRevisions, now: UTCInstant
    ) throws(ICalError) -> FeedSet {
        let definitions = FeedCatalog(data: data, settings: settings, currentYear: StockholmTime.local(now).date.year)
            .definitions()
        var revisions = previous
        // An event in several feeds (a meeting in all.ics and its body's feed) is one event.
        var unique: [String: FeedEvent] = [:]
        for event in definitions.flatMap(\.events) { unique[event.uid] = event }
        revisions.record(unique.values.sorted { $0.uid < $1.uid }, at: now)
        var feeds: [RenderedFeed] = []
        for definition in definitions {
            let text = try FeedRenderer.render(definition, revisions: revisions, settings: settings)
            let modified = definition.events.compactMap { revisions.revision(of: $0.uid)?.modified }.max() ?? now
            feeds.append(
                RenderedFeed(
                    name: definition.name, title: definition.title, description: definition.description,
                    text: text, eventCount: definition.events.count, lastModified: modified))
        }
        return FeedSet(feeds: feeds, revisions: revisions)
    }

    public func text(of name: String) -> String? { feeds.first { $0.name == name }?.text }
}
