/// Why a calendar part is not an answer Kalendarium can record, in words for the
/// person who finds the mail moved aside.
public struct NotAReply: Error, Hashable, Sendable, CustomStringConvertible {
    public let reason: String

    public init(_ reason: String) { self.reason = reason }

    public var description: String { reason }
}
