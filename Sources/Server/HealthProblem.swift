/// One reason the service is degraded: the part affected, what it is about (a recipient,
/// a file) when there is one thing, and what is wrong. `/healthz` and the page show it
/// as "kind: subject: message".
public struct HealthProblem: Hashable, Sendable, CustomStringConvertible {
    /// The part that has the problem. Each part reports all of its problems at once,
    /// replacing the ones it reported before.
    public enum Kind: String, Hashable, Sendable {
        /// The calendar files cannot be used; the last good data stays published.
        case calendars
        /// recipients.yaml cannot be read.
        case recipients
        /// The reminder pass or the sender failed.
        case reminders
        /// Messages that failed for good, each about its recipient.
        case mailFailed = "mail failed"
        /// The reminder sender's lease cannot be read or taken (the database does not answer).
        case lease = "reminder lease"
        /// The answers maildir (`mail-in`) cannot be read, or an answer in it not recorded.
        case answers = "answers maildir"
    }

    public let kind: Kind
    /// What the problem is about, when it is one thing: a recipient's address, a file.
    public let subject: String?
    /// What is wrong, for a person: the file and line, the error.
    public let message: String

    public init(_ kind: Kind, subject: String? = nil, _ message: String) {
        self.kind = kind
        self.subject = subject
        self.message = message
    }

    public var description: String { "\(kind.rawValue): " + (subject.map { "\($0): " } ?? "") + message }
}
