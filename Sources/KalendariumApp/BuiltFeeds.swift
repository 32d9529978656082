import Feeds
import KalendariumCore
import Server

/// Feeds built and compressed, ready to be swapped in.
struct BuiltFeeds: Sendable {
    let set: FeedSet
    let feeds: [PublishedFeed]
    /// The published agenda versions the feeds were built with.
    let agendas: [String: AgendaVersion]
}
