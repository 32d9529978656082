/// A member municipality of the cooperation.
///
/// The agreement (§ 2, § 9) lets a municipality leave with twelve months' notice,
/// so membership runs from the first of January of its first year to its last day
/// (the end of a year, or the day a notice period ends); the rest of the cooperation goes on.
public struct Municipality: Hashable, Sendable, Codable {
    /// ASCII identifier used in files and feed names (`nynashamn`).
    public let slug: String
    /// Display name with å/ä/ö (`Nynäshamn`).
    public let name: String
    /// First year of membership.
    public let memberFrom: Int
    /// Last day of membership, or `nil` while still a member. `member-until: 2031` is 31 December 2031.
    public let lastDay: LocalDate?
    /// Where the file defines it, for errors found across files.
    public let location: SourceLocation?

    /// Last year of membership (a year it is a member for at least one day), or `nil` while still a member.
    public var memberUntil: Int? { lastDay?.year }

    /// A membership that ends with a year (`member-until: 2031`), or goes on (`nil`).
    public init(
        slug: String, name: String, memberFrom: Int, memberUntil: Int? = nil, location: SourceLocation? = nil
    ) {
        self.init(
            slug: slug, name: name, memberFrom: memberFrom,
            lastDay: memberUntil.flatMap { LocalDate(year: $0, month: 12, day: 31) }, location: location)
    }

    /// A membership that ends on a given day (`member-until: 2031-05-31`, the end of a notice period).
    public init(slug: String, name: String, memberFrom: Int, lastDay: LocalDate?, location: SourceLocation? = nil) {
        self.location = location
        self.slug = slug
        self.name = name
        self.memberFrom = memberFrom
        self.lastDay = lastDay
    }

    /// A member for at least part of `year`: it may host meetings that year.
    public func isMember(in year: Int) -> Bool {
        year >= memberFrom && (memberUntil.map { year <= $0 } ?? true)
    }

    /// A member on `day`.
    public func isMember(on day: LocalDate) -> Bool {
        day.year >= memberFrom && (lastDay.map { day <= $0 } ?? true)
    }

    /// The same municipality leaving after `lastDay`, for previews of a notice.
    public func leaving(after lastDay: LocalDate) -> Municipality {
        Municipality(slug: slug, name: name, memberFrom: memberFrom, lastDay: lastDay, location: location)
    }
}
