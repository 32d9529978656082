/// A person who gets e-mail, from `calendars/recipients.yaml`. Never shown in a feed
/// or on the web page: addresses stay between the secretariat and the person.
public struct Recipient: Hashable, Sendable {
    /// What a person can choose to receive.
    public enum Kind: String, CaseIterable, Sendable, Codable {
        /// Reminders of items they own, 7 and 1 days before the due date.
        case items
        /// The notice (kallelse) before each meeting of their bodies.
        case agenda
        /// The weekly notice of their items that are past due.
        case overdue
    }

    public let name: String
    public let email: String
    /// Roles the person holds (kommundirektor, kso, kansli, network).
    public let roles: Set<Role>
    /// The municipality they represent, if any.
    public let municipality: String?
    public let networks: Set<String>
    /// Bodies whose agenda notices they get (by default, those their roles belong to).
    public let bodies: Set<String>
    public let receives: Set<Kind>
    /// One e-mail a day with everything, instead of one per kind of event.
    public let dailyDigest: Bool

    public init(
        name: String, email: String, roles: Set<Role> = [], municipality: String? = nil, networks: Set<String> = [],
        bodies: Set<String> = [], receives: Set<Kind> = Set(Kind.allCases), dailyDigest: Bool = false
    ) {
        self.name = name
        self.email = email
        self.roles = roles
        self.municipality = municipality
        self.networks = networks
        self.bodies = bodies
        self.receives = receives
        self.dailyDigest = dailyDigest
    }

    /// Whether an item with this owner concerns the person.
    public func owns(_ owner: Owner) -> Bool {
        switch owner {
        case .person(let name): name.caseInsensitiveEquals(self.name)
        case .role(let role): roles.contains(role)
        case .network(let slug): networks.contains(slug)
        case .municipality(let slug): municipality == slug && roles.contains(.kommundirektor)
        }
    }
}

extension String {
    func caseInsensitiveEquals(_ other: String) -> Bool { lowercased() == other.lowercased() }
}
