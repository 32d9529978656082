/// Who chairs a body in one year. The committee elects a chair and a vice chair each
/// year (the agreement, § 3), ledningsgruppen a chair (seed 004, section 6); the chair
/// sends the notices and decides the agenda (§ 4), so notices and feeds name them.
public struct ChairTerm: Hashable, Sendable, Codable {
    public let year: Int
    public let chair: Chairperson
    public let viceChair: Chairperson?
    public let location: SourceLocation?

    public init(year: Int, chair: Chairperson, viceChair: Chairperson? = nil, location: SourceLocation? = nil) {
        self.year = year
        self.chair = chair
        self.viceChair = viceChair
        self.location = location
    }
}
