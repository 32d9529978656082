/// Who owns an item: a person by name, everyone in a role, a network or a municipality.
public enum Owner: Hashable, Sendable, CustomStringConvertible {
    case person(String)
    case role(Role)
    case network(String)
    case municipality(String)

    /// Parses `person:Helene Olofsson`, `role:kommundirektor`, `network:klimatstrateger`,
    /// `municipality:huddinge`.
    public init?(_ text: String) {
        // One owner is one line of visible text: a line break would make two owners
        // once stored, a NUL would cut the name short.
        guard text.controlCharacter(allowingLineBreaks: false) == nil else { return nil }
        let parts = text.split(separator: ":", maxSplits: 1).map { String($0).trimmingWhitespace }
        guard parts.count == 2, !parts[1].isEmpty else { return nil }
        switch parts[0] {
        case "person": self = .person(parts[1])
        case "role": guard let role = Role(rawValue: parts[1]) else { return nil }; self = .role(role)
        case "network": self = .network(parts[1])
        case "municipality": self = .municipality(parts[1])
        default: return nil
        }
    }

    public var description: String {
        switch self {
        case .person(let name): "person:\(name)"
        case .role(let role): "role:\(role.rawValue)"
        case .network(let slug): "network:\(slug)"
        case .municipality(let slug): "municipality:\(slug)"
        }
    }

    func problem(in data: CalendarData) -> String? {
        switch self {
        case .network(let slug) where data.network(slug) == nil:
            "unknown network \"\(slug)\"" + Suggestion.hint(for: slug, in: data.networks.map(\.slug))
        case .municipality(let slug) where data.municipality(slug) == nil:
            "unknown municipality \"\(slug)\"" + Suggestion.hint(for: slug, in: data.municipalities.map(\.slug))
        default: nil
        }
    }
}
