public import KalendariumCore
import Presentation

/// Turns meetings and host rotations into feed events, in Swedish.
public struct FeedEventFactory: Sendable {
    public let data: CalendarData
    public let settings: FeedSettings
    /// Derived once: every conference event asks for its year's hosts.
    private let rotations: [String: HostRotation]

    public init(data: CalendarData, settings: FeedSettings) {
        self.data = data
        self.settings = settings
        var rotations: [String: HostRotation] = [:]
        for conference in data.conferences {
            rotations[conference.slug] = try? HostRotation(conference: conference, municipalities: data.municipalities)
        }
        self.rotations = rotations
    }

    public func event(for meeting: Meeting) -> FeedEvent {
        let subjectName = data.name(of: meeting.subject)
        var summary = subjectName
        switch meeting.kind {
        case .ordinary, .conference: break
        default: summary += " – \(Swedish.kind(meeting.kind))"
        }
        if case .conference = meeting.subject { summary += " \(meeting.year)" }
        let time: FeedEvent.Time
        switch meeting.schedule {
        case .timed(let sd, let s, let ed, let e): time = .timed(start: sd, startTime: s, end: ed, endTime: e)
        case .allDay(let f, let l): time = .allDay(first: f, last: l)
        case .undated(let year, let season):
            // No date yet: one tentative day at the start of the season, so the event is
            // visible where people look, without blocking a three-month stretch.
            let month = season?.months.lowerBound ?? 1
            let day = LocalDate(year: year, month: month, day: 1)!
            time = .allDay(first: day, last: day)
            summary += " (\(Swedish.undated(season, year)))"
        }
        let status: FeedEvent.Status
        switch meeting.status {
        case .cancelled: status = .cancelled
        case .tentative: status = .tentative
        case .planned:
            status = { if case .undated = meeting.schedule { return .tentative } else { return .confirmed } }()
        }
        if status == .cancelled { summary = Swedish.cancelledPrefix + summary }
        if meeting.status == .tentative { summary += Swedish.tentativeSuffix }

        var lines = ["\(subjectName) – \(Swedish.kind(meeting.kind))"]
        if let location = location(of: meeting.place) { lines.append("\(Swedish.placeLabel): \(location)") }
        if case .conference(let slug) = meeting.subject, let entry = rotation(slug)?.entry(for: meeting.year) {
            lines.append(hostLine(entry))
        }
        if !meeting.guests.isEmpty { lines.append("\(Swedish.guestsLabel): \(Swedish.list(meeting.guests))") }
        if let note = meeting.note { lines.append("\(Swedish.noteLabel): \(note)") }
        if status != .confirmed {
            lines.append("\(Swedish.statusLabel): \(status == .cancelled ? Swedish.cancelled : Swedish.tentative)")
        }
        lines.append("\(Swedish.calendarLink): \(settings.pageURL)")
        return FeedEvent(
            uid: meeting.id, time: time, summary: summary, location: location(of: meeting.place),
            description: lines.joined(separator: "\n"),
            categories: [subjectName, Swedish.kind(meeting.kind).capitalizedFirst],
            status: status, transparent: false)
    }

    /// One event per conference year, saying who hosts and why.
    public func hostEvent(_ entry: RotationEntry, municipality: String? = nil) -> FeedEvent {
        let conference = data.conference(entry.conference)
        let name = conference?.name ?? entry.conference
        let hostNames = entry.hosts.map(municipalityName)
        let held = data.meetings.first {
            $0.subject == .conference(entry.conference) && $0.year == entry.year && $0.schedule.firstDay != nil
        }
        let time: FeedEvent.Time
        var dateKnown = false
        if let held, let first = held.schedule.firstDay, let last = held.schedule.lastDay {
            time = .allDay(first: first, last: last)
            dateKnown = true
        } else {
            let day = LocalDate(year: entry.year, month: conference?.season?.months.lowerBound ?? 1, day: 1)!
            time = .allDay(first: day, last: day)
        }
        var summary: String
        if let municipality {
            summary = Swedish.municipalityHostSummary(
                conference: name, year: entry.year, municipality: municipalityName(municipality))
        } else if let network = entry.network {
            summary = "\(name) \(entry.year) – \(data.network(network)?.name ?? network)"
        } else {
            summary = Swedish.hostEventSummary(conference: name, year: entry.year, hosts: hostNames)
        }
        if !dateKnown { summary += " (\(Swedish.undated(conference?.season, entry.year)))" }
        let status: FeedEvent.Status = entry.status == .cancelled ? .cancelled : (dateKnown ? .confirmed : .tentative)
        if status == .cancelled { summary = Swedish.cancelledPrefix + summary }
        let lines = [hostLine(entry), "\(Swedish.calendarLink): \(settings.pageURL)"]
        let uid =
            municipality.map { "host-\(entry.conference)-\(entry.year)-\($0)" }
            ?? "hosts-\(entry.conference)-\(entry.year)"
        return FeedEvent(
            uid: uid, time: time, summary: summary, location: nil, description: lines.joined(separator: "\n"),
            categories: [name, Swedish.hostsTitle], status: status, transparent: true)
    }

    public func rotation(_ slug: String) -> HostRotation? { rotations[slug] }

    private func hostLine(_ entry: RotationEntry) -> String {
        let why = Swedish.reason(entry.reason, names: municipalityName)
        if let network = entry.network { return Swedish.arrangedBy(data.network(network)?.name ?? network) }
        return Swedish.hosts(entry.hosts.map(municipalityName)) + ". " + why
    }

    private func municipalityName(_ slug: String) -> String { data.municipality(slug)?.name ?? slug }

    func location(of place: Place?) -> String? { Swedish.place(place, data) }
}
