/// A member municipality of the cooperation.
///
/// The agreement (§ 2, § 9) lets a municipality leave with twelve months' notice,
/// so membership is a span of years; the rest of the cooperation goes on.
public struct Municipality: Hashable, Sendable, Codable {
    /// ASCII identifier used in files and feed names (`nynashamn`).
    public let slug: String
    /// Display name with å/ä/ö (`Nynäshamn`).
    public let name: String
    /// First year of membership.
    public let memberFrom: Int
    /// Last year of membership, or `nil` while still a member.
    public let memberUntil: Int?
    /// Where the file defines it, for errors found across files.
    public let location: SourceLocation?

    public init(
        slug: String, name: String, memberFrom: Int, memberUntil: Int? = nil, location: SourceLocation? = nil
    ) {
        self.location = location
        self.slug = slug
        self.name = name
        self.memberFrom = memberFrom
        self.memberUntil = memberUntil
    }

    public func isMember(in year: Int) -> Bool {
        year >= memberFrom && (memberUntil.map { year <= $0 } ?? true)
    }
}
