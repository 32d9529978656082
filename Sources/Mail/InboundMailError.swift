/// Why a received message was not read, said so that whoever finds it moved aside knows
/// what was wrong with it.
public struct InboundMailError: Error, Hashable, Sendable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
