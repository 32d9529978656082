/// How commands and requests name a meeting: its identity (`ledningsgruppen-2021-08-20`,
/// the same the feed UID is made from) or `next:BODY`, the body's next meeting from
/// today that is not cancelled.
extension CalendarData {
    public func meeting(reference text: String, today: LocalDate) throws(AgendaError) -> Meeting {
        if text.hasPrefix("next:") {
            let slug = String(text.dropFirst("next:".count))
            guard body(slug) != nil else {
                throw AgendaError(
                    .notFound, "unknown body \"\(slug)\"" + Suggestion.hint(for: slug, in: bodies.map(\.slug)))
            }
            let next = meetings.filter { m in
                m.subject == .body(slug) && m.status != .cancelled && (m.schedule.lastDay.map { $0 >= today } ?? false)
            }.min { ($0.schedule.firstDay!, $0.id) < ($1.schedule.firstDay!, $1.id) }
            guard let next else { throw AgendaError(.notFound, "\(slug) has no meeting planned from \(today) on") }
            return next
        }
        guard let meeting = meetings.first(where: { $0.id == text }) else {
            throw AgendaError(
                .notFound,
                "no meeting \"\(text)\"" + Suggestion.hint(for: text, in: meetings.map(\.id))
                    + "; name a meeting as BODY-YYYY-MM-DD or next:BODY")
        }
        guard case .body = meeting.subject else {
            throw AgendaError(.invalid, "\(text) is a conference; agendas are for the bodies' meetings")
        }
        return meeting
    }
}
