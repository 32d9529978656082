/// What the documents say about a cancelled meeting: the day it was decided and why.
/// Either may be unknown, and the feeds then say only what is known; no date is made up
/// (not even the day the feed first saw the meeting cancelled, which is not a decision).
public struct Cancellation: Hashable, Sendable {
    /// The day the cancellation was decided (`cancelled-on:`).
    public let decided: LocalDate?
    /// Why, in the documents' words (`cancelled-reason:`).
    public let reason: String?

    public init(decided: LocalDate? = nil, reason: String? = nil) {
        self.decided = decided
        self.reason = reason
    }
}
