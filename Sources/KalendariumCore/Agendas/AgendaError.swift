/// A change the agenda cannot take, with what to do instead. `kind` says which HTTP
/// status fits (404, 409, 422) so the API and the CLI tell it the same way.
public struct AgendaError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: Hashable, Sendable {
        /// No such point, proposal or paper.
        case notFound
        /// The agenda's state forbids it (published already, a name taken).
        case conflict
        /// The request itself is wrong (an empty title, a bad position).
        case invalid
    }

    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
