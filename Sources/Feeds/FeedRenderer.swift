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
        var shared = SerializedEvents()
        return try render(feed, revisions: revisions, settings: settings, sharing: &shared)
    }

    /// Renders `feed`, taking each event's text from `shared` where an earlier feed of
    /// the same build wrote it, and leaving the new ones there for the next.
    public static func render(
        _ feed: FeedDefinition, revisions: EventRevisions, settings: FeedSettings,
        sharing shared: inout SerializedEvents
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
            components: [StockholmZone.component])
        var texts: [String] = []
        texts.reserveCapacity(events.count)
        for event in events { texts.append(try shared.text(of: event, revisions: revisions, settings: settings)) }
        return try ICalendarWriter.serialize(calendar, appending: texts)
    }

    /// One meeting as an iTIP invitation (RFC 5546) to one person, for the kallelse: the
    /// same UID, SEQUENCE, DTSTAMP, ORGANIZER and text as in the feeds, plus the person as
    /// the one ATTENDEE, so "Accept" or "Decline" in the person's calendar app sends a
    /// METHOD:REPLY by mail to the ORGANIZER (the secretariat's functional address).
    ///
    /// A cancelled meeting becomes METHOD:CANCEL, not a REQUEST and not PUBLISH: RFC 5546
    /// §3.2.2 allows a REQUEST only STATUS TENTATIVE or CONFIRMED, and §3.2.5 makes CANCEL
    /// the message that takes an event the attendee was invited to out of their calendar.
    /// A PUBLISH would leave an answered invitation in place beside a cancelled copy.
    public static func invitation(
        for meeting: Meeting, attendee name: String, email: String, data: CalendarData, revisions: EventRevisions,
        settings: FeedSettings, agendas: [String: AgendaVersion] = [:]
    ) throws(ICalError) -> Invitation {
        let event = FeedEventFactory(data: data, settings: settings, agendas: agendas).event(for: meeting)
        let method: Invitation.Method = event.status == .cancelled ? .cancel : .request
        var vevent = component(event, revisions: revisions, settings: settings)
        // After ORGANIZER, where Outlook and Google write it too.
        let at = (vevent.properties.firstIndex { $0.name == "ORGANIZER" } ?? vevent.properties.count - 1) + 1
        vevent.properties.insert(attendee(name: name, email: email, method: method), at: at)
        let calendar = ICalComponent(
            "VCALENDAR",
            properties: [
                ICalProperty("VERSION", .text("2.0")), ICalProperty("PRODID", .text(productID)),
                ICalProperty("METHOD", .token(method.rawValue)),
            ],
            components: [StockholmZone.component, vevent])
        return Invitation(method: method, text: try ICalendarWriter.serialize(calendar))
    }

    /// `ATTENDEE;CN=…;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:…`: RSVP
    /// is what makes Outlook, Gmail and Apple Calendar offer the answer buttons. A CANCEL
    /// names the attendee only (RFC 5546 §3.2.5 asks no answer to it).
    static func attendee(name: String, email: String, method: Invitation.Method) -> ICalProperty {
        // A parameter value cannot hold a DQUOTE or a control character (RFC 5545 §3.2).
        let cn = String(name.map { $0 == "\"" || $0.isNewline || ($0.asciiValue ?? 32) < 32 ? " " : $0 })
        var parameters = [ICalParameter("CN", cn), ICalParameter("ROLE", "REQ-PARTICIPANT")]
        if method == .request {
            parameters += [ICalParameter("PARTSTAT", "NEEDS-ACTION"), ICalParameter("RSVP", "TRUE")]
        }
        return ICalProperty("ATTENDEE", .calendarAddress("mailto:\(email)"), parameters: parameters)
    }

    /// One VEVENT; `revisions` must hold the event (record before rendering).
    public static func component(_ event: FeedEvent, revisions: EventRevisions, settings: FeedSettings) -> ICalComponent
    {
        let revision =
            revisions.revision(of: event.uid)
            ?? EventRevision(contentHash: "", sequence: 0, modified: UTCInstant(secondsSince1970: 0))
        var properties = [
            ICalProperty("UID", .text(settings.uid(event.uid))),
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
