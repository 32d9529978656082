import ICalendar

/// The VEVENT texts of one build of the feeds, each written by libical once: a meeting
/// is in all.ics, its body's feed and every member municipality's feed, and serialising
/// it again for each was most of an export's time.
///
/// An event is shared only when the feed holds the very same event (same fields, same
/// revision): two feeds that describe one UID differently each get their own text.
public struct SerializedEvents: Sendable {
    private var texts: [String: (event: FeedEvent, revision: EventRevision?, text: String)] = [:]

    public init() {}

    /// The text of `event` as `FeedRenderer.component` makes it, from the cache when an
    /// earlier feed of the build wrote the same event.
    mutating func text(
        of event: FeedEvent, revisions: EventRevisions, settings: FeedSettings
    ) throws(ICalError) -> String {
        let revision = revisions.revision(of: event.uid)
        if let cached = texts[event.uid], cached.event == event, cached.revision == revision {
            return cached.text
        }
        let text = try ICalendarWriter.serialize(
            FeedRenderer.component(event, revisions: revisions, settings: settings))
        texts[event.uid] = (event, revision, text)
        return text
    }
}
