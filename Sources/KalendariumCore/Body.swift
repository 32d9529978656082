/// A standing body that meets on a fixed rule: ledningsgruppen or samarbetskommittén.
public struct Body: Hashable, Sendable, Codable {
    public let slug: String
    public let name: String
    /// The usual meeting day (ledningsgruppen: Friday; the committee: Thursday).
    public let weekday: Weekday
    public let start: LocalTime
    public let end: LocalTime
    /// The agreement, § 4 and the verksamhetsplan: "at least six times a year".
    public let minimumMeetingsPerYear: Int
    /// Roles that are members.
    public let members: Set<Role>
    /// Roles that attend without being members (the CEOs at the committee, § 3).
    public let attendees: Set<Role>
    /// The slug of the body whose meetings prepare this one's
    /// (ledningsgruppen prepares the committee), if any.
    public let preparedBy: String?
    /// The chair (and vice chair) of each year the documents name, oldest first.
    public let chairs: [ChairTerm]
    /// The COLOR of its events in the feeds (RFC 7986 §5.9), from `color:`; nil leaves
    /// them in the colour the person gave the subscribed calendar.
    public let color: CSSColor?
    /// Who may read its agendas and papers (`visibility:`); public unless it says `members`.
    public let visibility: Visibility
    /// Who approves its minutes beside the chair (justerare, `minutes-adjuster:`), if
    /// the body has one by practice; a meeting's minutes can name another.
    public var minutesAdjuster: String?
    /// Where the file defines it, for errors found across files.
    public let location: SourceLocation?

    public init(
        slug: String, name: String, weekday: Weekday, start: LocalTime, end: LocalTime,
        minimumMeetingsPerYear: Int, members: Set<Role>, attendees: Set<Role> = [], preparedBy: String? = nil,
        chairs: [ChairTerm] = [], color: CSSColor? = nil, visibility: Visibility = .public,
        location: SourceLocation? = nil
    ) {
        self.visibility = visibility
        self.location = location
        self.slug = slug
        self.name = name
        self.weekday = weekday
        self.start = start
        self.end = end
        self.minimumMeetingsPerYear = minimumMeetingsPerYear
        self.members = members
        self.attendees = attendees
        self.preparedBy = preparedBy
        self.chairs = chairs.sorted { $0.year < $1.year }
        self.color = color
    }

    /// The chair and vice chair of `year`, if the data names them.
    public func chairs(in year: Int) -> ChairTerm? { chairs.first { $0.year == year } }

    /// Everyone expected in the room.
    public var people: Set<Role> { members.union(attendees) }
}
