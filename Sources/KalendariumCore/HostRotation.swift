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
/// **Leaving and joining.** A municipality that is not a member in a year is
/// skipped and the next one in turn order takes its place; the others keep their
/// order. With pairs this means partners shift after someone leaves, so that every
/// remaining member still hosts once per round. A municipality that was never in
/// the history joins the turn order at the end (by first member year, then slug).
///
/// **Overrides** replace the answer for their year only; the turn order goes on as
/// planned, so a swap or a cancelled year never moves other years' hosts.
/// A recorded year that differs from the cycle is kept as recorded, the same way.
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
        let computed = cycleHosts(for: years)
        return years.map { entry(year: $0, cycle: computed) }
    }

    /// The answer for one year, or `nil` when the conference is not held that year by its interval.
    public func entry(for year: Int) -> RotationEntry? {
        entries(in: year...year).first
    }

    // MARK: - The turn walk

    /// Hosts by the turn order alone (before history and overrides), for `years` and any year a swap needs.
    private func cycleHosts(for years: [Int]) -> [Int: CycleAnswer] {
        guard case .municipalities(let count) = conference.hostRule, let anchor = cycleYears?.lowerBound else {
            return [:]
        }
        var wanted = Set(years)
        for override in conference.overrides {
            if case .swap(let a, let b) = override.change { wanted.formUnion([a, b]) }
        }
        let lo = wanted.min()!
        let hi = wanted.max()!
        var answers: [Int: CycleAnswer] = [:]
        // Forward from the anchor: the pointer is the next turn to give.
        if hi >= anchor {
            var pointer = 0
            var year = anchor
            while year <= hi {
                let (hosts, used) = take(count, from: pointer, step: 1, year: year)
                answers[year] = CycleAnswer(hosts: hosts, position: (year - anchor) / conference.interval)
                pointer += used
                year += conference.interval
            }
        }
        // Backward before the anchor: the pointer is the last turn given.
        if lo < anchor {
            var pointer = -1
            var year = anchor - conference.interval
            while year >= lo {
                let (hosts, used) = take(count, from: pointer, step: -1, year: year)
                answers[year] = CycleAnswer(hosts: hosts.reversed(), position: (year - anchor) / conference.interval)
                pointer -= used
                year -= conference.interval
            }
        }
        return answers
    }

    /// Takes `count` members of `year` walking the turn order from `pointer`;
    /// returns them and how many turns were passed (skipped non-members included).
    private func take(_ count: Int, from pointer: Int, step: Int, year: Int) -> ([String], Int) {
        let n = turnOrder.count
        var hosts: [String] = []
        var used = 0
        while hosts.count < count, used < n {
            let slug = turnOrder[((pointer + step * used) % n + n) % n]
            used += 1
            if municipalities[slug]?.isMember(in: year) == true { hosts.append(slug) }
        }
        // Too few members to fill the year: nobody hosts, and the turns are not spent.
        return hosts.count == count ? (hosts, used) : ([], 0)
    }

    private struct CycleAnswer {
        let hosts: [String]
        let position: Int
    }

    // MARK: - History and overrides on top of the cycle

    private func entry(year: Int, cycle: [Int: CycleAnswer]) -> RotationEntry {
        if case .network(let network) = conference.hostRule {
            return RotationEntry(
                year: year, conference: conference.slug, hosts: [], network: network,
                status: status(for: year), reason: .network(network, interval: conference.interval))
        }
        let base = cycle[year] ?? CycleAnswer(hosts: [], position: 0)
        let length = cycleYears.map { ($0.upperBound - $0.lowerBound) / conference.interval + 1 } ?? 1
        let cycleReason = RotationReason.cycle(
            position: ((base.position % length) + length) % length + 1, length: length,
            from: cycleYears?.lowerBound ?? year, to: cycleYears?.upperBound ?? year,
            skipped: skippedMembers(in: year))
        var hosts = base.hosts
        var reason = base.hosts.isEmpty ? .tooFewMembers(year: year) : cycleReason
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
                let otherHosts = conference.history.first { $0.year == other }?.hosts ?? cycle[other]?.hosts ?? []
                hosts = otherHosts
                reason = .swapped(with: other, note: override.note)
            case .hosts(_, let explicit):
                reason = .explicit(cycleHosts: hosts, note: override.note)
                hosts = explicit
            case .cancelled:
                reason = .cancelled(cycleHosts: hosts, note: override.note)
                hosts = []
            case .digital:
                reason = .digital(underlying: reason, note: override.note)
            }
        }
        return RotationEntry(
            year: year, conference: conference.slug, hosts: hosts, network: nil,
            status: status(for: year), reason: reason)
    }

    private func status(for year: Int) -> RotationEntry.Status {
        var status = RotationEntry.Status.held
        for override in conference.overrides where override.years.contains(year) {
            if case .cancelled = override.change { return .cancelled }
            if case .digital = override.change { status = .digital }
        }
        return status
    }

    /// Members of the turn order that are not members in `year` (they are skipped).
    private func skippedMembers(in year: Int) -> [String] {
        turnOrder.filter { municipalities[$0]?.isMember(in: year) != true }
    }
}

/// Why a year has the hosts it has.
public indirect enum RotationReason: Hashable, Sendable, CustomStringConvertible {
    /// As the turn order gives: `position` of `length` in the cycle recorded `from`–`to`.
    case cycle(position: Int, length: Int, from: Int, to: Int, skipped: [String])
    /// As the documents record it.
    case recorded(matchesCycle: Bool, cycleHosts: [String])
    case swapped(with: Int, note: String?)
    case explicit(cycleHosts: [String], note: String?)
    case cancelled(cycleHosts: [String], note: String?)
    case digital(underlying: RotationReason, note: String?)
    case network(String, interval: Int)
    /// Fewer members than hosts needed.
    case tooFewMembers(year: Int)

    /// A short machine-readable name: cycle, history, swap, override, cancelled, digital, network, none.
    public var basis: String {
        switch self {
        case .cycle: "cycle"
        case .recorded: "history"
        case .swapped: "swap"
        case .explicit: "override"
        case .cancelled: "cancelled"
        case .digital: "digital"
        case .network: "network"
        case .tooFewMembers: "none"
        }
    }

    public var description: String {
        func list(_ hosts: [String]) -> String { hosts.isEmpty ? "nobody" : hosts.joined(separator: " and ") }
        func with(_ note: String?) -> String { note.map { ": \($0)" } ?? "" }
        switch self {
        case .cycle(let position, let length, let from, let to, let skipped):
            let base = "cycle position \(position) of \(length) (turn order recorded \(from)–\(to))"
            return skipped.isEmpty ? base : base + "; skipping \(skipped.joined(separator: ", ")) (not a member)"
        case .recorded(true, _):
            return "recorded in the documents (matches the cycle)"
        case .recorded(false, let cycleHosts):
            return "recorded in the documents (the cycle would give \(list(cycleHosts)))"
        case .swapped(let other, let note):
            return "override: swapped with \(other)\(with(note))"
        case .explicit(let cycleHosts, let note):
            return "override: explicit hosts instead of \(list(cycleHosts))\(with(note))"
        case .cancelled(let cycleHosts, let note):
            return "override: cancelled; \(list(cycleHosts)) lose their turn\(with(note))"
        case .digital(let underlying, let note):
            return "\(underlying); held digitally\(with(note))"
        case .network(let network, let interval):
            return interval == 1
                ? "arranged by the network \(network)"
                : "arranged by the network \(network), every \(interval) years"
        case .tooFewMembers(let year):
            return "too few member municipalities in \(year) to fill the host places"
        }
    }
}
