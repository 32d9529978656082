/// The random token in each person's calendar link (`/calendars/person/{token}.ics`).
/// Unlike the agenda links' HMAC it is random and stored, so one person's link can be
/// replaced (`kalendarium people rotate-token EMAIL`) without touching anyone else's,
/// and the old one stops working at once on every daemon of the store.
public protocol PersonTokenStore: Sendable {
    /// The tokens of these addresses (lowercased), made for those who have none yet.
    func personTokens(for emails: [String]) async throws -> [String: String]
    /// Whose token this is; nil for a token that is unknown or was replaced.
    func person(withToken token: String) async throws -> String?
    /// Gives `email` a new token; the old one is refused from now on.
    func rotatePersonToken(email: String) async throws -> String
}

/// A new person token: 32 random bytes from the system's generator, in hex.
enum PersonToken {
    static func make() -> String { AgendaTokens.hex(AgendaTokens.newSecret()) }

    /// Longer than any token we make, or not hex: refused before the store is asked.
    static func isWellFormed(_ token: String) -> Bool {
        token.utf8.count == 64 && token.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }
}
