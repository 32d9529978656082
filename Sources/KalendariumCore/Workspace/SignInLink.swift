/// A sign-in link mailed to a person: the store keeps only the SHA-256 of its token,
/// so a copy of the database signs no one in. It works once, and only until it expires.
public struct SignInLink: Hashable, Sendable {
    /// The hex SHA-256 of the token in the link.
    public let tokenHash: String
    /// Whose link it is (lowercased).
    public let email: String
    public let created: UTCInstant
    public let expires: UTCInstant
    /// When it was used to sign in; nil while it is unused.
    public let used: UTCInstant?

    public init(tokenHash: String, email: String, created: UTCInstant, expires: UTCInstant, used: UTCInstant? = nil) {
        self.tokenHash = tokenHash
        self.email = email.lowercased()
        self.created = created
        self.expires = expires
        self.used = used
    }

    /// Whether it still signs in at `instant`.
    public func isUsable(at instant: UTCInstant) -> Bool { used == nil && instant < expires }
}
