/// Why a message was not delivered, in words safe for logs: never a password.
public struct MailError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// Try again later: connection refused, a 4xx reply, a full disk.
        case temporary
        /// Do not try again: a 5xx reply, an address the server rejects.
        case permanent
        /// Not sent on purpose: the hand-over refused it (another sender has it now).
        case withheld
    }

    public let kind: Kind
    public let message: String
    /// The message may have been delivered all the same: the connection broke or timed
    /// out after its end of data was written, before the server's answer.
    public let uncertain: Bool

    public init(_ kind: Kind, _ message: String, uncertain: Bool = false) {
        self.kind = kind
        self.message = message
        self.uncertain = uncertain
    }

    public var description: String { "\(kind.rawValue) failure: \(message)" }
}
