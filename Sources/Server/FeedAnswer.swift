import Hummingbird
import NIOCore

/// What to answer for a feed request: shared by the Hummingbird route and the
/// event-loop fast path, so both send the same bytes and headers.
struct FeedAnswer {
    let status: HTTPResponse.Status
    let headers: HTTPFields
    /// nil for 304.
    let body: ByteBuffer?
}
