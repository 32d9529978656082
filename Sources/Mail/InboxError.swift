/// Why the inbox could not be read at all, or why a `--mail-in` value is not one, said
/// so that the operator can fix it.
public struct InboxError: Error, Hashable, Sendable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
