/// Where a meeting is held.
public struct Place: Hashable, Sendable {
    /// The municipality it is held in (or that hosts it), by slug.
    public let municipality: String?
    /// A named venue ("StorSthlm", "Tyresö slott").
    public let venue: String?
    /// The platform when held digitally ("Teams"); nil when in person.
    public let digital: String?

    public init(municipality: String? = nil, venue: String? = nil, digital: String? = nil) {
        self.municipality = municipality
        self.venue = venue
        self.digital = digital
    }
}
