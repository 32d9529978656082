/// Plans who hosts a conference in any year, forward and backward, and says why.
///
/// **The rule.** The cycle is read off the recorded history: starting at the first
/// recorded year, consecutive years are taken until every member of that year has
/// hosted once (Rådslag: 2019–2026, eight single hosts; Södertörnskonferensen:
/// 2019–2022, four pairs). Laid end to end, those hosts give the *turn order*
/// (Salem, Nynäshamn, Botkyrka, …). Each conference year takes the next `count`
/// municipalities in turn order, going forward from the first recorded year and
/// backward before it, so with all members present it repeats the recorded cycle.
///
/// **Leaving and joining.** A municipality hosts a year only if it is still a member
/// on the last day the conference can be held (`Conference.lastPossibleDay(of:)`:
/// the end of its season); otherwise it is skipped and the next one in turn order takes
/// its place, the others keeping their order. With pairs this means partners shift
/// after someone leaves, so that every remaining member still hosts once per round.
/// A municipality that was never in the history joins the turn order at the end (by
/// first member year, then slug). Turns are counted among the members present, from
/// the latest change, so the reason says "turn 3 of 7 since salem left in 2031".
///
/// **Overrides.** A cancelled year, or explicit hosts that displace the cycle's, do not
/// spend the displaced hosts' turns: they take the next conference year, and every
/// later year shifts (going forward from the first recorded year; before it, there is
/// no later turn to move to). A swap trades two years' hosts and displaces nobody; a
/// digital or moved year keeps its hosts. A recorded year that differs from the cycle
/// is kept as recorded and moves nobody.
public struct HostRotation: Sendable {
    public let conference: Conference
    /// Municipalities in turn order.
    public let turnOrder: [String]
    /// The recorded years the cycle was derived from.
    public let cycleYears: ClosedRange<Int>?
    private let municipalities: [String: Municipality]

    /// Derives the cycle from the conference's history.
    /// - Throws: `RotationError` when the history cannot define a cycle.
    public init(conference: Conference, municipalities: [Municipality]) throws(RotationError) {
        self.conference = conference
        self.municipalities = Dictionary(municipalities.map { ($0.slug, $0) }, uniquingKeysWith: { a, _ in a })
        guard case .municipalities(let count) = conference.hostRule else {
            turnOrder = []
            cycleYears = nil
            return
        }
        let history = conference.history.sorted { $0.year < $1.year }
        guard let first = history.first else {
            throw RotationError(
                conference: conference.slug, location: conference.location,
                message: "has no host history; record at least one full cycle of hosts to derive the rotation")
        }
        let expected = Set(municipalities.filter { $0.isMember(in: first.year) }.map(\.slug))
        var order: [String] = []
        var lastYear = first.year
        for (index, record) in history.enumerated() {
            let year = first.year + index * conference.interval
            guard record.year == year else {
                throw RotationError(
                    conference: conference.slug, location: record.location,
                    message: "host history skips \(year); list consecutive years until every member has hosted once")
            }
            guard record.hosts.count == count else {
                throw RotationError(
                    conference: conference.slug, location: record.location,
                    message: "\(record.year) lists \(record.hosts.count) hosts but the conference has \(count) a year")
            }
            if let repeated = record.hosts.first(where: { order.contains($0) }) {
                throw RotationError(
                    conference: conference.slug, location: record.location,
                    message: "\(repeated) hosts again in \(record.year) before every member has hosted once "
                        + "(\(expected.subtracting(order).sorted().joined(separator: ", ")) not yet)")
            }
            order += record.hosts
            lastYear = record.year
            if expected.isSubset(of: order) { break }
        }
        guard expected.isSubset(of: order) else {
            throw RotationError(
                conference: conference.slug, location: history.last?.location,
                message: "host history covers \(order.count) of \(expected.count) members; "
                    + "add the hosts of later years until every member has hosted once "
                    + "(missing: \(expected.subtracting(order).sorted().joined(separator: ", ")))")
        }
        let latecomers = municipalities.filter { !order.contains($0.slug) }
            .sorted { ($0.memberFrom, $0.slug) < ($1.memberFrom, $1.slug) }
        turnOrder = order + latecomers.map(\.slug)
        cycleYears = first.year...lastYear
    }

    /// The answer for every conference year in `range`.
    public func entries(in range: ClosedRange<Int>) -> [RotationEntry] {
        let years = range.filter { conference.isHeld(in: $0) }
        guard !years.isEmpty else { return [] }
        let steps = walk(covering: years)
        return years.map { entry(year: $0, steps: steps) }
    }

    /// The answer for one year, or `nil` when the conference is not held that year by its interval.
    public func entry(for year: Int) -> RotationEntry? {
        entries(in: year...year).first
    }

    /// The answer for the conference year a meeting belongs to: a moved conference's event
    /// (Södertörnskonferensen in spring 2021) belongs to the year it moved from (2020).
    public func entry(for meeting: Meeting) -> RotationEntry? {
        entry(for: conference.conferenceYear(of: meeting))
    }

    // MARK: - The turn walk

    /// One conference year as the turn walk gives it, before history and overrides.
    private struct Step {
        /// The cycle's hosts; empty when too few members are left to fill the places.
        var hosts: [String]
        var turn: RotationTurn?
        /// In a cancelled or explicit-hosts year: the cycle's hosts that did not host, and where they went.
        var displaced: [Displacement] = []
    }

    /// A displaced host waiting for the next conference year.
    private struct Waiting {
        let slug: String
        /// Every year it was displaced from, the first one first.
        let years: [Int]
        let cause: Postponement.Cause
    }

    /// Walks the turn order over `years` and any year a swap needs.
    private func walk(covering years: [Int]) -> [Int: Step] {
        guard case .municipalities(let count) = conference.hostRule, let cycle = cycleYears else { return [:] }
        var wanted = Set(years)
        for override in conference.overrides {
            if case .swap(let a, let b) = override.change { wanted.formUnion([a, b]) }
        }
        var steps: [Int: Step] = [:]
        if wanted.max()! >= cycle.lowerBound {
            walkForward(to: wanted.max()!, count: count, cycle: cycle, into: &steps)
        }
        if wanted.min()! < cycle.lowerBound {
            walkBackward(to: wanted.min()!, count: count, cycle: cycle, into: &steps)
        }
        return steps
    }

    /// Forward from the first recorded year: `pointer` is the next turn to give, and
    /// displaced hosts wait in `queue` for the next year, ahead of the turn order.
    private func walkForward(to last: Int, count: Int, cycle: ClosedRange<Int>, into steps: inout [Int: Step]) {
        let length = (cycle.upperBound - cycle.lowerBound) / conference.interval + 1
        var pointer = 0
        var queue: [Waiting] = []
        var present = members(on: conference.lastPossibleDay(of: cycle.lowerBound))
        var since: [MembershipChange] = []
        var given = 0
        var hostsInstead: [Int: [String: Int]] = [:]
        var displacedAt: [Int: [String]] = [:]
        // Displaced hosts may find their year after `last`; each override displaces at most once.
        let limit = last + conference.interval * (conference.overrides.count + 1)
        var year = cycle.lowerBound
        while year <= last || (!queue.isEmpty && year <= limit) {
            defer { year += conference.interval }
            let day = conference.lastPossibleDay(of: year)
            let now = members(on: day)
            if now != present {
                since = changes(from: present, to: now, on: day)
                present = now
                given = 0
            }
            queue.removeAll { municipalities[$0.slug]?.isMember(on: day) != true }
            let postponed = Array(queue.prefix(count))
            let waiting = Array(queue.dropFirst(count))
            var hosts = postponed.map(\.slug)
            let (rest, used) = take(
                count - hosts.count, from: pointer, step: 1, on: day, excluding: Set(queue.map(\.slug)))
            guard hosts.count + rest.count == count else {
                steps[year] = Step(hosts: [], turn: nil)
                continue
            }
            hosts += rest
            pointer += used
            let displaced = displacedHosts(in: year, of: hosts)
            steps[year] = Step(
                hosts: hosts,
                turn: RotationTurn(
                    given: given, hosts: hosts.count, members: present.count, since: since, cycleYears: cycle,
                    cycleLength: length, skipped: skipped(on: day, except: since),
                    postponed: postponed.map { Postponement(municipality: $0.slug, from: $0.years[0], cause: $0.cause) }
                ))
            given += hosts.count - displaced.count
            var next = waiting
            for slug in hosts {
                let earlier = postponed.first { $0.slug == slug }
                if displaced.contains(slug) {
                    next.append(
                        Waiting(
                            slug: slug, years: (earlier?.years ?? []) + [year],
                            cause: earlier?.cause ?? cause(of: year)))
                } else if let earlier {
                    for from in earlier.years { hostsInstead[from, default: [:]][slug] = year }
                }
            }
            if !displaced.isEmpty { displacedAt[year] = displaced }
            queue = next
        }
        for (from, slugs) in displacedAt {
            steps[from]?.displaced = slugs.map { Displacement(municipality: $0, hostsIn: hostsInstead[from]?[$0]) }
        }
    }

    /// Backward before the first recorded year: `pointer` is the last turn given. Nothing
    /// is postponed here: a displaced host's next turn would be a year already walked.
    private func walkBackward(to first: Int, count: Int, cycle: ClosedRange<Int>, into steps: inout [Int: Step]) {
        let length = (cycle.upperBound - cycle.lowerBound) / conference.interval + 1
        let memberCount = members(on: conference.lastPossibleDay(of: cycle.lowerBound)).count
        var pointer = -1
        var offset = -1
        var year = cycle.lowerBound - conference.interval
        while year >= first {
            defer {
                year -= conference.interval
                offset -= 1
            }
            let day = conference.lastPossibleDay(of: year)
            let (hosts, used) = take(count, from: pointer, step: -1, on: day, excluding: [])
            guard !hosts.isEmpty else {
                steps[year] = Step(hosts: [], turn: nil)
                continue
            }
            pointer -= used
            steps[year] = Step(
                hosts: hosts.reversed(),
                turn: RotationTurn(
                    given: offset * count, hosts: count, members: memberCount, since: [], cycleYears: cycle,
                    cycleLength: length, skipped: skipped(on: day, except: [])),
                displaced: displacedHosts(in: year, of: hosts.reversed()).map {
                    Displacement(municipality: $0, hostsIn: nil)
                })
        }
    }

    /// Takes `count` members on `day` walking the turn order from `pointer`, passing over
    /// `excluding` (hosts already waiting); returns them and how many turns were passed
    /// (skipped non-members included).
    private func take(
        _ count: Int, from pointer: Int, step: Int, on day: LocalDate, excluding: Set<String>
    ) -> ([String], Int) {
        let n = turnOrder.count
        var hosts: [String] = []
        var used = 0
        while hosts.count < count, used < n {
            let slug = turnOrder[((pointer + step * used) % n + n) % n]
            used += 1
            if municipalities[slug]?.isMember(on: day) == true, !excluding.contains(slug) { hosts.append(slug) }
        }
        // Too few members to fill the year: nobody hosts, and the turns are not spent.
        return hosts.count == count ? (hosts, used) : ([], 0)
    }

    /// The turn-order municipalities that are members on `day`.
    private func members(on day: LocalDate) -> [String] {
        turnOrder.filter { municipalities[$0]?.isMember(on: day) == true }
    }

    /// Who left or joined between two years' members.
    private func changes(from old: [String], to new: [String], on day: LocalDate) -> [MembershipChange] {
        turnOrder.compactMap { slug -> MembershipChange? in
            switch (old.contains(slug), new.contains(slug)) {
            case (true, false): .left(slug, lastDay: municipalities[slug]?.lastDay ?? day)
            case (false, true): .joined(slug, year: municipalities[slug]?.memberFrom ?? day.year)
            default: nil
            }
        }
    }

    /// Members of the turn order that are not members on `day` (they are skipped), other than those in `since`.
    private func skipped(on day: LocalDate, except since: [MembershipChange]) -> [String] {
        turnOrder.filter { slug in
            municipalities[slug]?.isMember(on: day) != true && !since.contains { $0.municipality == slug }
        }
    }

    /// The cycle's hosts an override keeps from hosting `year`: all in a cancelled year,
    /// those not named in an explicit-hosts year.
    private func displacedHosts(in year: Int, of hosts: [String]) -> [String] {
        var displaced: [String] = []
        for override in conference.overrides {
            switch override.change {
            case .cancelled(year): displaced = hosts
            case .hosts(year, let explicit): displaced = hosts.filter { !explicit.contains($0) }
            default: continue
            }
        }
        return displaced
    }

    private func cause(of year: Int) -> Postponement.Cause {
        conference.overrides.contains { $0.change == .cancelled(year) } ? .cancelled : .otherHosts
    }

    // MARK: - History and overrides on top of the cycle

    private func entry(year: Int, steps: [Int: Step]) -> RotationEntry {
        if case .network(let network) = conference.hostRule {
            return RotationEntry(
                year: year, conference: conference.slug, hosts: [], network: network,
                status: status(for: year), reason: .network(network, interval: conference.interval),
                movedTo: conference.move(of: year))
        }
        let step = steps[year] ?? Step(hosts: [], turn: nil)
        var hosts = step.hosts
        var reason: RotationReason = step.turn.map { .cycle($0) } ?? .tooFewMembers(year: year)
        if hosts.isEmpty { reason = .tooFewMembers(year: year) }
        if let record = conference.history.first(where: { $0.year == year }) {
            if record.hosts == hosts {
                reason = .recorded(matchesCycle: true, cycleHosts: hosts)
            } else {
                reason = .recorded(matchesCycle: false, cycleHosts: hosts)
                hosts = record.hosts
            }
        }
        for override in conference.overrides where override.years.contains(year) {
            switch override.change {
            case .swap(let a, let b):
                let other = a == year ? b : a
                let otherHosts = conference.history.first { $0.year == other }?.hosts ?? steps[other]?.hosts ?? []
                hosts = otherHosts
                reason = .swapped(with: other, note: override.note)
            case .hosts(_, let explicit):
                reason = .explicit(cycleHosts: hosts, displaced: step.displaced, note: override.note)
                hosts = explicit
            case .cancelled:
                reason = .cancelled(cycleHosts: hosts, displaced: step.displaced, note: override.note)
                hosts = []
            case .digital:
                reason = .digital(underlying: reason, note: override.note)
            case .moved(_, let move):
                reason = .moved(underlying: reason, to: move, note: override.note)
            }
        }
        return RotationEntry(
            year: year, conference: conference.slug, hosts: hosts, network: nil,
            status: status(for: year), reason: reason, movedTo: conference.move(of: year))
    }

    private func status(for year: Int) -> RotationEntry.Status {
        var status = RotationEntry.Status.held
        for override in conference.overrides where override.years.contains(year) {
            if case .cancelled = override.change { return .cancelled }
            if case .digital = override.change { status = .digital }
        }
        return status
    }
}
