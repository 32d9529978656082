public import ICalendar
public import KalendariumCore

/// Every feed rendered, in catalog order, with the revisions they were rendered with.
public struct FeedSet: Sendable {
    public let feeds: [RenderedFeed]
    public let revisions: EventRevisions

    /// Records every event's revision as of `now`, then renders every feed.
    public static func build(
        data: CalendarData, settings: FeedSettings, revisions previous: EventRevisions, now: UTCInstant,
        agendas: [String: AgendaVersion] = [:]
    ) throws(ICalError) -> FeedSet {
        let definitions = FeedCatalog(
            data: data, settings: settings, today: StockholmTime.local(now).date, agendas: agendas
        ).definitions()
        var revisions = previous
        // An event in several feeds (a meeting in all.ics and its body's feed) is one event.
        var unique: [String: FeedEvent] = [:]
        for event in definitions.flatMap(\.events) { unique[event.uid] = event }
        revisions.record(unique.values.sorted { $0.uid < $1.uid }, at: now)
        var feeds: [RenderedFeed] = []
        var shared = SerializedEvents()
        for definition in definitions {
            let text = try FeedRenderer.render(definition, revisions: revisions, settings: settings, sharing: &shared)
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
