/// Something libical refused, said so that the caller can fix the input.
public struct ICalError: Error, Hashable, Sendable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
