/// A store error a person can act on.
public struct StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    public let description: String
    /// Worth trying again later (HTTP 503): the database did not answer in time, or
    /// cannot be written now (a full disk, a lock held too long).
    public let unavailable: Bool
    /// The disk under the database is full: space, not a setting, is what is missing.
    public let diskFull: Bool

    public init(_ description: String, unavailable: Bool = false, diskFull: Bool = false) {
        self.description = description
        self.unavailable = unavailable || diskFull
        self.diskFull = diskFull
    }
}
