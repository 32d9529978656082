/// One reason the service is degraded: what part of it is affected, and the message
/// saying what is wrong there. `/healthz` and the page show it as "kind: message".
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
        /// Messages that failed for good.
        case mailFailed = "mail failed"
    }

    public let kind: Kind
    /// What is wrong, for a person: the file and line, the error, the recipient.
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { "\(kind.rawValue): \(message)" }
}
