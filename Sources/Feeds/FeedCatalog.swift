public import KalendariumCore
import Presentation

/// Decides which feeds exist and what each holds.
public struct FeedCatalog: Sendable {
    public let data: CalendarData
    public let settings: FeedSettings
    /// Today in Stockholm (passed in): the host horizon counts from its year, and
    /// cancelled events older than `settings.keepCancelledDays` leave the feeds.
    public let today: LocalDate
    /// The latest published agenda version by meeting id (``FeedEventFactory/agendas``).
    public let agendas: [String: AgendaVersion]

    public init(data: CalendarData, settings: FeedSettings, today: LocalDate, agendas: [String: AgendaVersion] = [:]) {
        self.data = data
        self.settings = settings
        self.today = today
        self.agendas = agendas
    }

    /// The year the host horizon counts from.
    public var currentYear: Int { today.year }

    /// Whether an event still belongs in the feeds: all but a cancelled one whose last day
    /// is more than `keepCancelledDays` ago. Apple Calendar shows a cancelled event struck
    /// through for as long as a feed holds it; a month is long enough for everyone to
    /// have seen the cancellation. (A cancelled meeting not yet dated sits on its season's
    /// first day in the feeds, and that is the day counted from.)
    public func isCurrent(_ event: FeedEvent) -> Bool {
        event.status != .cancelled || today <= event.lastDay.adding(days: settings.keepCancelledDays)
    }

    /// Every feed: all, one per body and conference, one per municipality, and hosts.
    public func definitions() -> [FeedDefinition] {
        let factory = FeedEventFactory(data: data, settings: settings, agendas: agendas)
        let meetingEvents = data.meetings.map { ($0, factory.event(for: $0)) }
        var feeds = [
            FeedDefinition(
                name: "all.ics", title: Swedish.allTitle, description: Swedish.allDescription,
                events: meetingEvents.map(\.1))
        ]
        func subjectFeed(_ slug: String, _ title: String, _ description: String, _ subject: Meeting.Subject) {
            feeds.append(
                FeedDefinition(
                    name: "\(slug).ics", title: title, description: description,
                    events: meetingEvents.filter { $0.0.subject == subject }.map(\.1),
                    color: factory.color(of: subject)))
        }
        for body in data.bodies {
            subjectFeed(body.slug, body.name, Swedish.bodyDescription(body.name), .body(body.slug))
        }
        for conference in data.conferences {
            subjectFeed(
                conference.slug, conference.name, Swedish.conferenceDescription(conference.name),
                .conference(conference.slug))
        }
        let years = hostYears
        let rotations = data.conferences.compactMap { factory.rotation($0.slug) }
        let entries = rotations.flatMap { $0.entries(in: years) }
        // Derived once, not per municipality and meeting: fifty years of meetings and
        // rotations made these lookups a tenth of an export.
        let held = factory.heldMeetings()
        let hosting = Set(
            entries.flatMap { entry in
                entry.hosts.map { HostingKey(entry: .init(entry), host: $0) }
            })
        let conferenceYears = meetingEvents.map { meeting, _ -> FeedEventFactory.ConferenceYear? in
            guard case .conference(let slug) = meeting.subject else { return nil }
            return .init(conference: slug, year: factory.conferenceYear(of: meeting))
        }
        for municipality in data.municipalities {
            let hostedHere = zip(meetingEvents, conferenceYears).filter { meetingEvent, conferenceYear in
                if meetingEvent.0.place?.municipality == municipality.slug { return true }
                guard let conferenceYear else { return false }
                return hosting.contains(HostingKey(entry: conferenceYear, host: municipality.slug))
            }.map(\.0.1)
            let duties = entries.filter { $0.hosts.contains(municipality.slug) }.map {
                factory.hostEvent($0, municipality: municipality.slug, held: held[.init($0)])
            }
            feeds.append(
                FeedDefinition(
                    name: "municipality/\(municipality.slug).ics", title: municipality.name,
                    description: Swedish.municipalityDescription(municipality.name), events: hostedHere + duties))
        }
        feeds.append(
            FeedDefinition(
                name: "hosts.ics", title: Swedish.hostsTitle,
                description: Swedish.hostsDescription(from: years.lowerBound, to: years.upperBound),
                events: entries.map { factory.hostEvent($0, municipality: nil, held: held[.init($0)]) }))
        return feeds.map { feed in
            var feed = feed
            feed.events = feed.events.filter(isCurrent)
            return feed
        }
    }

    /// From the first year anything is known to `horizonYears` after the current year.
    public var hostYears: ClosedRange<Int> {
        let known = data.conferences.compactMap(\.anchorYear) + data.yearsWithData
        let first = known.min() ?? currentYear
        return min(first, currentYear)...(currentYear + settings.horizonYears)
    }
}

/// A municipality hosting a conference's year.
private struct HostingKey: Hashable {
    let entry: FeedEventFactory.ConferenceYear
    let host: String
}
