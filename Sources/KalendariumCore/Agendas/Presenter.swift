/// Who presents a point: someone the data knows (a person, a role, a network, a
/// municipality, as items' owners are written) or a guest by name and organisation
/// ("guest:Helena Sundberg, Trafikverket").
public enum Presenter: Hashable, Sendable, CustomStringConvertible, Codable {
    case owner(Owner)
    case guest(String)

    /// Parses `person:NAME`, `role:ROLE`, `network:SLUG`, `municipality:SLUG` or `guest:TEXT`.
    public init?(_ text: String) {
        if text.hasPrefix("guest:") {
            let name = text.dropFirst("guest:".count).trimmingWhitespace
            guard !name.isEmpty else { return nil }
            self = .guest(name)
        } else if let owner = Owner(text) {
            self = .owner(owner)
        } else {
            return nil
        }
    }

    public var description: String {
        switch self {
        case .owner(let owner): owner.description
        case .guest(let name): "guest:\(name)"
        }
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let presenter = Presenter(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "\"\(text)\" is not a presenter"))
        }
        self = presenter
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }

    /// Why the presenter does not fit the data (an unknown network, say); nil when it does.
    public func problem(in data: CalendarData) -> String? {
        switch self {
        case .owner(let owner): owner.problem(in: data)
        case .guest: nil
        }
    }
}
