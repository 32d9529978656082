/// An error for the person running Kalendarium: what went wrong and what to do.
public struct AppError: Error, CustomStringConvertible, Sendable {
    public let description: String

    public init(_ description: String) { self.description = description }
}
