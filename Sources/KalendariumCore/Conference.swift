/// A recurring conference: Södertörns Rådslag, Södertörnskonferensen, Nyckeltalsdagen.
public struct Conference: Hashable, Sendable {
    public let slug: String
    public let name: String
    public let hostRule: HostRule
    /// Held every `interval` years (Nyckeltalsdagen: every other year).
    public let interval: Int
    /// The year the interval counts from; the first recorded year when not given.
    public let firstYear: Int?
    /// The part of the year it is usually held in, for plans and undated entries.
    public let season: Season?
    /// Who hosted (or is decided to host) which year, as the documents record it.
    public let history: [HostRecord]
    /// Deliberate deviations from the cycle: swaps, cancellations, digital years, explicit hosts.
    public let overrides: [RotationOverride]
    /// Roles that take part, for clash checks.
    public let participants: Set<Role>
    /// The COLOR of its events and host duties in the feeds (RFC 7986 §5.9), from `color:`.
    public let color: CSSColor?
    public let location: SourceLocation?

    /// The year the interval counts from.
    public var anchorYear: Int? { firstYear ?? history.map(\.year).min() }

    /// Whether the conference is due in `year` by its interval (every year, every other year…).
    public func isHeld(in year: Int) -> Bool {
        guard let anchor = anchorYear else { return interval == 1 }
        return ((year - anchor) % interval + interval) % interval == 0
    }

    public init(
        slug: String, name: String, hostRule: HostRule, interval: Int = 1, firstYear: Int? = nil,
        season: Season? = nil,
        history: [HostRecord] = [], overrides: [RotationOverride] = [], participants: Set<Role> = [],
        color: CSSColor? = nil, location: SourceLocation? = nil
    ) {
        self.slug = slug
        self.name = name
        self.hostRule = hostRule
        self.interval = interval
        self.firstYear = firstYear
        self.season = season
        self.history = history
        self.overrides = overrides
        self.participants = participants
        self.color = color
        self.location = location
    }
}
