import Crypto
import Foundation

/// Random tokens for links and forms (sign-in links, sessions' CSRF tokens), and the
/// hash under which a link's token is kept, so the store never holds a token that
/// works.
public enum RandomToken {
    /// 32 bytes from the system's generator, as 64 lowercase hex digits.
    public static func make() -> String { AgendaTokens.hex(AgendaTokens.newSecret()) }

    /// Whether `token` has the form ``make()`` gives (checked before any store work).
    public static func isWellFormed(_ token: String) -> Bool { PersonToken.isWellFormed(token) }

    /// The hex SHA-256 of `token`.
    public static func hash(_ token: String) -> String { AgendaTokens.hex(SHA256.hash(data: Data(token.utf8))) }
}
