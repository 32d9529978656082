/// Whose turn a year is, from the real walk through the turn order: turns are counted
/// among the members present, from the latest change in membership (a municipality that
/// left or joined), so after a leave the reason says "turn 3 of 7 since Salem left in 2031"
/// rather than a position computed from the year.
public struct RotationTurn: Hashable, Sendable {
    /// Turns given before this year: since `since`, or since the recorded cycle began.
    public let given: Int
    /// Hosts this year (each takes one turn).
    public let hosts: Int
    /// Members taking turns this year: the length of a round in turns.
    public let members: Int
    /// The membership changes the count starts from; empty while the members are those of the recorded cycle.
    public let since: [MembershipChange]
    /// The recorded years the turn order was read from.
    public let cycleYears: ClosedRange<Int>
    /// The recorded cycle's length in conference years.
    public let cycleLength: Int
    /// Turn-order municipalities that are not members this year, other than those in `since`.
    public let skipped: [String]
    /// This year's hosts whose turn came from an earlier year.
    public let postponed: [Postponement]

    public init(
        given: Int, hosts: Int, members: Int, since: [MembershipChange], cycleYears: ClosedRange<Int>,
        cycleLength: Int, skipped: [String] = [], postponed: [Postponement] = []
    ) {
        self.given = given
        self.hosts = hosts
        self.members = members
        self.since = since
        self.cycleYears = cycleYears
        self.cycleLength = cycleLength
        self.skipped = skipped
        self.postponed = postponed
    }

    /// With the recorded members: the year's place in the recorded cycle, 1-based.
    public var cyclePosition: Int {
        let year = given / max(hosts, 1)
        return (year % cycleLength + cycleLength) % cycleLength + 1
    }

    /// This year's turns, 1-based, in a round of `members`.
    public var turnNumbers: [Int] {
        (0..<hosts).map { ((given + $0) % members + members) % members + 1 }
    }
}
