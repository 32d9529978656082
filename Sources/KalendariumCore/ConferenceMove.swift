/// When a conference year's event took place instead, for a year whose conference
/// moved (the 2020 Södertörnskonferensen, held in spring 2021).
public struct ConferenceMove: Hashable, Sendable, CustomStringConvertible {
    public let year: Int
    public let season: Season

    public init(year: Int, season: Season) {
        self.year = year
        self.season = season
    }

    /// The latest day the moved event can be held: its hosts must still be members then.
    public var lastDay: LocalDate { season.lastDay(in: year) }

    public var description: String { "\(season.rawValue) \(year)" }
}
