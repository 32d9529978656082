public import ICalendar
public import KalendariumCore
import Presentation

/// A person's own calendar (`/calendars/person/{token}.ics`): the meetings of the bodies
/// they attend, with their own answer in the SUMMARY ("(förhinder anmält)"), the
/// conferences their roles attend, and their open items' due dates as all-day events.
///
/// Shared meetings have the UID and SEQUENCE they have in every other feed, so a client
/// that also subscribes to a body's feed, or opened the kallelse's invitation, knows
/// them as one event. The feed names no one's address: its ORGANIZER is the
/// secretariat's functional mailbox, as in the other feeds, and it has no ATTENDEE.
public struct PersonalFeed: Sendable {
    public let person: Recipient
    /// The name it is served under, `person/{token}.ics`: its SOURCE.
    public let name: String

    public init(person: Recipient, token: String) {
        self.person = person
        name = "person/\(token).ics"
    }

    /// The feed's events, and the revisions to render them with: the shared ones for
    /// meetings (their time of answer moves LAST-MODIFIED on), one per item from its
    /// history.
    /// - Parameters:
    ///   - answers: the person's current answer by meeting id.
    ///   - items: every item; the person's open ones with a due date are taken.
    public func definition(
        catalog: FeedCatalog, revisions: EventRevisions, items: [Item], answers: [String: AnswerRecord]
    ) -> (FeedDefinition, EventRevisions) {
        let data = catalog.data
        let factory = FeedEventFactory(data: data, settings: catalog.settings, agendas: catalog.agendas)
        var byUID = revisions.byUID
        var events: [FeedEvent] = []
        for meeting in data.meetings where attends(meeting, data) {
            var event = factory.event(for: meeting)
            if let record = answers[meeting.id] {
                event = event.withSummary(event.summary + Swedish.answerMark(record.answer))
                if let shared = byUID[event.uid], shared.modified < record.at {
                    byUID[event.uid] = EventRevision(
                        contentHash: shared.contentHash, sequence: shared.sequence, modified: record.at)
                }
            }
            events.append(event)
        }
        for item in items where item.status.isOpen && item.owners.contains(where: person.owns) {
            guard let id = item.id, let due = item.due else { continue }
            let uid = "item-\(id)"
            events.append(
                FeedEvent(
                    uid: uid, time: .allDay(first: due, last: due), summary: Swedish.itemDueSummary(item),
                    location: nil, description: Swedish.itemDueDescription(item, data),
                    categories: [Swedish.itemCategory],
                    status: .confirmed, transparent: true, anchor: item.meeting ?? PageAnchor.coming))
            let changed = item.history.last.map { UTCInstant(date: $0.date) } ?? UTCInstant(date: due)
            byUID[uid] = EventRevision(contentHash: "", sequence: item.history.count, modified: changed)
        }
        let definition = FeedDefinition(
            name: name, title: Swedish.personalTitle(person.name), description: Swedish.personalDescription,
            events: events.filter(catalog.isCurrent))
        return (definition, EventRevisions(byUID: byUID))
    }

    /// The feed's text and its last change.
    public func render(
        catalog: FeedCatalog, revisions: EventRevisions, items: [Item], answers: [String: AnswerRecord]
    ) throws(ICalError) -> RenderedFeed {
        let (definition, revisions) = definition(
            catalog: catalog, revisions: revisions, items: items, answers: answers)
        let text = try FeedRenderer.render(definition, revisions: revisions, settings: catalog.settings)
        let modified =
            definition.events.compactMap { revisions.revision(of: $0.uid)?.modified }.max()
            ?? UTCInstant(secondsSince1970: 0)
        return RenderedFeed(
            name: definition.name, title: definition.title, description: definition.description, text: text,
            eventCount: definition.events.count, lastModified: modified)
    }

    /// The meetings of the bodies the person attends, and the conferences their roles go to.
    func attends(_ meeting: Meeting, _ data: CalendarData) -> Bool {
        switch meeting.subject {
        case .body(let slug): data.body(slug).map { ReminderPlanner.attends(person, $0) } ?? false
        case .conference(let slug):
            data.conferences.first { $0.slug == slug }.map { !$0.participants.isDisjoint(with: person.roles) }
                ?? false
        }
    }
}

extension FeedEvent {
    func withSummary(_ summary: String) -> FeedEvent {
        FeedEvent(
            uid: uid, time: time, summary: summary, location: location, description: description,
            categories: categories, status: status, transparent: transparent, anchor: anchor, color: color)
    }
}
