/// What the filled standing points hold, from the calendar: the data decides, not
/// the secretary's memory.
public enum AgendaFilling {
    /// How far ahead "Kommande möten" looks: the minutes of 20 August 2021 list the
    /// autumn's meetings, up to 9 December.
    public static let comingDays = 120

    /// "Kommande möten": after `meeting`, within ``comingDays``, the meetings of its
    /// body, of the bodies it prepares or is prepared by, and the conferences.
    public static func comingMeetings(after meeting: Meeting, _ data: CalendarData) -> [Meeting] {
        guard case .body(let slug) = meeting.subject, let day = meeting.schedule.firstDay else { return [] }
        let related = Set(
            [slug] + data.bodies.filter { $0.preparedBy == slug }.map(\.slug)
                + (data.body(slug)?.preparedBy.map { [$0] } ?? []))
        let end = day.adding(days: comingDays)
        return data.meetings.filter { m in
            guard m.id != meeting.id, let first = m.schedule.firstDay, first > day, first <= end else { return false }
            switch m.subject {
            case .body(let other): return related.contains(other)
            case .conference: return true
            }
        }.sorted { ($0.schedule.firstDay!, $0.id) < ($1.schedule.firstDay!, $1.id) }
    }

    /// "Nästa möte": the body's next meeting after this one that is not cancelled.
    public static func nextMeeting(after meeting: Meeting, _ data: CalendarData) -> Meeting? {
        guard let day = meeting.schedule.firstDay else { return nil }
        return data.meetings.filter { m in
            m.subject == meeting.subject && m.id != meeting.id && m.status != .cancelled
                && (m.schedule.firstDay.map { $0 > day } ?? false)
        }.min { ($0.schedule.firstDay!, $0.id) < ($1.schedule.firstDay!, $1.id) }
    }
}
