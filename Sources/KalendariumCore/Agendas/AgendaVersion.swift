/// A published version of an agenda, frozen: what the page, the feeds and the
/// kallelse show. Version 1 is the first publication; every later change to the
/// published agenda makes the next one, with what changed.
public struct AgendaVersion: Hashable, Sendable, Codable {
    public let number: Int
    public let publishedAt: UTCInstant
    /// The accepted points, in order; numbered by place.
    public let points: [AgendaPoint]
    /// Empty for version 1.
    public let changes: [AgendaChange]

    public init(number: Int, publishedAt: UTCInstant, points: [AgendaPoint], changes: [AgendaChange]) {
        self.number = number
        self.publishedAt = publishedAt
        self.points = points
        self.changes = changes
    }
}
