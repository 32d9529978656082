/// A host whose turn was postponed: its year was cancelled, or others hosted it instead.
/// The turn is kept, not dropped: the host takes the next conference year.
public struct Postponement: Hashable, Sendable {
    public enum Cause: Hashable, Sendable {
        /// The conference was cancelled that year.
        case cancelled
        /// An override gave the year to other hosts.
        case otherHosts
    }

    public let municipality: String
    /// The year the turn was first due.
    public let from: Int
    public let cause: Cause

    public init(municipality: String, from: Int, cause: Cause) {
        self.municipality = municipality
        self.from = from
        self.cause = cause
    }
}

/// Where a host displaced from an override year goes: the year it hosts instead, or
/// `nil` when it never does (it left first, or the year is before the recorded cycle).
public struct Displacement: Hashable, Sendable {
    public let municipality: String
    public let hostsIn: Int?

    public init(municipality: String, hostsIn: Int?) {
        self.municipality = municipality
        self.hostsIn = hostsIn
    }
}
