public import KalendariumCore
import Presentation

/// Turns meetings and host rotations into feed events, in Swedish.
public struct FeedEventFactory: Sendable {
    public let data: CalendarData
    public let settings: FeedSettings
    /// The latest published version of each meeting's agenda, by meeting id: its point
    /// titles go into the event's DESCRIPTION (not for a members-only body).
    public let agendas: [String: AgendaVersion]
    /// Derived once: every conference event asks for its year's hosts.
    private let rotations: [String: HostRotation]

    public init(data: CalendarData, settings: FeedSettings, agendas: [String: AgendaVersion] = [:]) {
        self.data = data
        self.settings = settings
        self.agendas = agendas
        var rotations: [String: HostRotation] = [:]
        for conference in data.conferences {
            rotations[conference.slug] = try? HostRotation(conference: conference, municipalities: data.municipalities)
        }
        self.rotations = rotations
    }

    public func event(for meeting: Meeting) -> FeedEvent {
        let time: FeedEvent.Time
        switch meeting.schedule {
        case .timed(let sd, let s, let ed, let e): time = .timed(start: sd, startTime: s, end: ed, endTime: e)
        case .allDay(let f, let l): time = .allDay(first: f, last: l)
        case .undated(let year, let season):
            // No date yet: one tentative day at the start of the season, so the event is
            // visible where people look, without blocking a three-month stretch.
            let day = LocalDate(year: year, month: season?.months.lowerBound ?? 1, day: 1)!
            time = .allDay(first: day, last: day)
        }
        let status: FeedEvent.Status
        switch meeting.status {
        case .cancelled: status = .cancelled
        case .tentative: status = .tentative
        case .planned:
            status = { if case .undated = meeting.schedule { return .tentative } else { return .confirmed } }()
        }
        // The hosts of the conference year the meeting belongs to: the 2020
        // Södertörnskonferensen, held in spring 2021, names 2020's hosts (Botkyrka and Salem).
        var hosts: RotationEntry?
        if case .conference(let slug) = meeting.subject { hosts = rotation(slug)?.entry(for: meeting) }
        let said: Meeting.Status = status == .cancelled ? .cancelled : status == .tentative ? .tentative : .planned
        return FeedEvent(
            uid: meeting.id, time: time, summary: Swedish.eventSummary(meeting, data),
            location: Swedish.place(meeting.place, data),
            description: Swedish.eventDescription(
                meeting, data, hosts: hosts, status: said, pageURL: settings.pageURL,
                meetingURL: meetingURL(meeting), agenda: agendaTitles(meeting)),
            categories: Swedish.eventCategories(meeting, data), status: status, transparent: false,
            anchor: PageAnchor.meeting(meeting), color: color(of: meeting.subject))
    }

    /// The meeting's page (`/meetings/{id}`), for a dated meeting of a body: the page
    /// the server answers for.
    public func meetingURL(_ meeting: Meeting) -> String? {
        guard case .body = meeting.subject, meeting.schedule.firstDay != nil else { return nil }
        return MeetingPage.url(pageURL: settings.pageURL, meeting: meeting.id)
    }

    /// The published agenda's point titles, unless the body keeps its agendas to its members.
    public func agendaTitles(_ meeting: Meeting) -> [String] {
        guard case .body(let slug) = meeting.subject, let version = agendas[meeting.id],
            data.body(slug)?.agendaIsRestricted != true
        else { return [] }
        return version.points.map(\.title)
    }

    /// A body's `color:`, or a conference's: every event of one subject has one colour.
    public func color(of subject: Meeting.Subject) -> CSSColor? {
        switch subject {
        case .body(let slug): data.body(slug)?.color
        case .conference(let slug): data.conference(slug)?.color
        }
    }

    /// The conference year a meeting of a conference counts as (a moved year's event
    /// counts as the year it moved from); a body's meeting's own year.
    public func conferenceYear(of meeting: Meeting) -> Int {
        guard case .conference(let slug) = meeting.subject, let conference = data.conference(slug) else {
            return meeting.year
        }
        return conference.conferenceYear(of: meeting)
    }

    /// One event per conference year, saying who hosts and why.
    public func hostEvent(_ entry: RotationEntry, municipality: String? = nil) -> FeedEvent {
        hostEvent(entry, municipality: municipality, held: heldMeetings()[ConferenceYear(entry)])
    }

    /// A conference and one of its years.
    struct ConferenceYear: Hashable {
        let conference: String
        let year: Int

        init(conference: String, year: Int) {
            self.conference = conference
            self.year = year
        }

        init(_ entry: RotationEntry) { self.init(conference: entry.conference, year: entry.year) }
    }

    /// The dated meeting of each conference year, the first in the files: what a host
    /// event takes its days from. For many host events at once, derive it once.
    func heldMeetings() -> [ConferenceYear: Meeting] {
        var held: [ConferenceYear: Meeting] = [:]
        for meeting in data.meetings where meeting.schedule.firstDay != nil {
            guard case .conference(let slug) = meeting.subject else { continue }
            let key = ConferenceYear(conference: slug, year: conferenceYear(of: meeting))
            if held[key] == nil { held[key] = meeting }
        }
        return held
    }

    func hostEvent(_ entry: RotationEntry, municipality: String?, held: Meeting?) -> FeedEvent {
        let conference = data.conference(entry.conference)
        let time: FeedEvent.Time
        var dateKnown = false
        if let held, let first = held.schedule.firstDay, let last = held.schedule.lastDay {
            time = .allDay(first: first, last: last)
            dateKnown = true
        } else {
            let day = LocalDate(year: entry.year, month: conference?.season?.months.lowerBound ?? 1, day: 1)!
            time = .allDay(first: day, last: day)
        }
        let status: FeedEvent.Status = entry.status == .cancelled ? .cancelled : (dateKnown ? .confirmed : .tentative)
        let uid =
            municipality.map { "host-\(entry.conference)-\(entry.year)-\($0)" }
            ?? "hosts-\(entry.conference)-\(entry.year)"
        return FeedEvent(
            uid: uid, time: time,
            summary: Swedish.hostEventSummary(entry, data, municipality: municipality, dateKnown: dateKnown),
            location: nil, description: Swedish.hostEventDescription(entry, data, pageURL: settings.pageURL),
            categories: Swedish.hostEventCategories(entry, data), status: status, transparent: true,
            anchor: PageAnchor.hosts, color: color(of: .conference(entry.conference)))
    }

    public func rotation(_ slug: String) -> HostRotation? { rotations[slug] }
}
