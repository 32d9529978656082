/// Why a year has the hosts it has. Rendered in English here (for the command line) and
/// in Swedish by the presentation target (for feeds and the page).
public indirect enum RotationReason: Hashable, Sendable, CustomStringConvertible {
    /// As the turn order gives, counted by the real walk.
    case cycle(RotationTurn)
    /// As the documents record it.
    case recorded(matchesCycle: Bool, cycleHosts: [String])
    /// The two years trade hosts; nobody is displaced.
    case swapped(with: Int, note: String?)
    /// Explicit hosts; the cycle's hosts not among them are displaced to a later year.
    case explicit(cycleHosts: [String], displaced: [Displacement], note: String?)
    /// No conference; the cycle's hosts are displaced to a later year.
    case cancelled(cycleHosts: [String], displaced: [Displacement], note: String?)
    case digital(underlying: RotationReason, note: String?)
    /// The year's event took place later; the hosts are the year's.
    case moved(underlying: RotationReason, to: ConferenceMove, note: String?)
    case network(String, interval: Int)
    /// Fewer members than hosts needed.
    case tooFewMembers(year: Int)

    /// A short machine-readable name: cycle, history, swap, override, cancelled, digital, moved, network, none.
    public var basis: String {
        switch self {
        case .cycle: "cycle"
        case .recorded: "history"
        case .swapped: "swap"
        case .explicit: "override"
        case .cancelled: "cancelled"
        case .digital: "digital"
        case .moved: "moved"
        case .network: "network"
        case .tooFewMembers: "none"
        }
    }

    /// The turn behind the answer, when the cycle gave it.
    public var turn: RotationTurn? {
        switch self {
        case .cycle(let turn): turn
        case .digital(let underlying, _), .moved(let underlying, _, _): underlying.turn
        default: nil
        }
    }

    /// In English with slugs, as in tests and logs.
    public var description: String { description(names: { $0 }) }

    /// In English, naming municipalities with `names` (the command line gives display names).
    public func description(names: (String) -> String) -> String {
        func list(_ slugs: [String]) -> String {
            slugs.isEmpty ? "nobody" : slugs.map(names).joined(separator: " and ")
        }
        func with(_ note: String?) -> String { note.map { ": \($0)" } ?? "" }
        switch self {
        case .cycle(let turn):
            return RotationReason.turnText(turn, list: list)
        case .recorded(true, _):
            return "recorded in the documents (matches the cycle)"
        case .recorded(false, let cycleHosts):
            return "recorded in the documents (the cycle would give \(list(cycleHosts)))"
        case .swapped(let other, let note):
            return "override: swapped with \(other) (the two years trade hosts; nobody is displaced)\(with(note))"
        case .explicit(let cycleHosts, let displaced, let note):
            let moved = displaced.isEmpty ? "" : "; " + RotationReason.displacedText(displaced, list: list)
            return "override: explicit hosts instead of \(list(cycleHosts))\(moved)\(with(note))"
        case .cancelled(let cycleHosts, let displaced, let note):
            let moved =
                displaced.isEmpty
                ? "\(list(cycleHosts)) lose their turn" : RotationReason.displacedText(displaced, list: list)
            return "override: cancelled; \(moved)\(with(note))"
        case .digital(let underlying, let note):
            return "\(underlying.description(names: names)); held digitally\(with(note))"
        case .moved(let underlying, let move, let note):
            return "\(underlying.description(names: names)); moved to \(move)\(with(note))"
        case .network(let network, let interval):
            return interval == 1
                ? "arranged by the network \(network)"
                : "arranged by the network \(network), every \(interval) years"
        case .tooFewMembers(let year):
            return "too few member municipalities in \(year) to fill the host places"
        }
    }

    private static func turnText(_ turn: RotationTurn, list: ([String]) -> String) -> String {
        var text: String
        if turn.since.isEmpty {
            text =
                "cycle position \(turn.cyclePosition) of \(turn.cycleLength) "
                + "(turn order recorded \(turn.cycleYears.lowerBound)–\(turn.cycleYears.upperBound))"
        } else {
            let numbers = turn.turnNumbers
            let counted =
                numbers.count == 1
                ? "turn \(numbers[0])"
                : numbers == Array(numbers[0]...(numbers[0] + numbers.count - 1))
                    ? "turns \(numbers[0])–\(numbers.last!)"
                    : "turns " + numbers.map(String.init).joined(separator: " and ")
            let changes = turn.since.map { change in
                switch change {
                case .left(let slug, _): "\(list([slug])) left in \(change.year)"
                case .joined(let slug, _): "\(list([slug])) joined in \(change.year)"
                }
            }
            text = "\(counted) of \(turn.members) since " + changes.joined(separator: " and ")
        }
        if !turn.skipped.isEmpty {
            text += "; skipping \(turn.skipped.map { list([$0]) }.joined(separator: ", ")) (not a member)"
        }
        for group in postponedGroups(turn.postponed) {
            let cause = group.cause == .cancelled ? "cancelled" : "other hosts that year"
            text += "; \(list(group.slugs)) postponed from \(group.from) (\(cause))"
        }
        return text
    }

    private static func displacedText(_ displaced: [Displacement], list: ([String]) -> String) -> String {
        displacedGroups(displaced).map { group in
            let several = group.slugs.count > 1
            guard let year = group.hostsIn else {
                return "\(list(group.slugs)) \(several ? "lose their" : "loses its") turn"
            }
            return "\(list(group.slugs)) \(several ? "host" : "hosts") in \(year) instead"
        }.joined(separator: "; ")
    }

    /// Postponed hosts grouped by the year and cause they came from, in order of first appearance.
    public static func postponedGroups(
        _ postponed: [Postponement]
    ) -> [(slugs: [String], from: Int, cause: Postponement.Cause)] {
        var groups: [(slugs: [String], from: Int, cause: Postponement.Cause)] = []
        for p in postponed {
            if let i = groups.firstIndex(where: { $0.from == p.from && $0.cause == p.cause }) {
                groups[i].slugs.append(p.municipality)
            } else {
                groups.append((slugs: [p.municipality], from: p.from, cause: p.cause))
            }
        }
        return groups
    }

    /// Displaced hosts grouped by the year they host instead, in order of first appearance.
    public static func displacedGroups(_ displaced: [Displacement]) -> [(slugs: [String], hostsIn: Int?)] {
        var groups: [(slugs: [String], hostsIn: Int?)] = []
        for d in displaced {
            if let i = groups.firstIndex(where: { $0.hostsIn == d.hostsIn }) {
                groups[i].slugs.append(d.municipality)
            } else {
                groups.append((slugs: [d.municipality], hostsIn: d.hostsIn))
            }
        }
        return groups
    }
}
