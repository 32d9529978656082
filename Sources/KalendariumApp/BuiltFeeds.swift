import Feeds
import Server

/// Feeds built and compressed, ready to be swapped in.
struct BuiltFeeds: Sendable {
    let set: FeedSet
    let feeds: [PublishedFeed]
}
