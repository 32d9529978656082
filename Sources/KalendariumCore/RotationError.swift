/// The history of a conference cannot define a cycle.
public struct RotationError: Error, Hashable, Sendable, CustomStringConvertible {
    public let conference: String
    public let location: SourceLocation?
    public let message: String

    public var description: String { "conference \"\(conference)\" \(message)" }
}
