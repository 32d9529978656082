/// Where a meeting is held: in a municipality, at a named venue, digitally, or a mix
/// ("Tyresö slott" in Tyresö; digitally, hosted by Salem).
public struct Place: Hashable, Sendable {
    /// The municipality it is held in (or that hosts it), by slug.
    public let municipality: String?
    /// A named venue ("StorSthlm", "Tyresö slott").
    public let venue: String?
    /// Set when the meeting is held digitally; nil when in person.
    public let digital: DigitalMeeting?

    public init(municipality: String? = nil, venue: String? = nil, digital: DigitalMeeting? = nil) {
        self.municipality = municipality
        self.venue = venue
        self.digital = digital
    }

    /// Nothing known: no municipality, venue or digital meeting.
    public var isEmpty: Bool { municipality == nil && venue == nil && digital == nil }
}
