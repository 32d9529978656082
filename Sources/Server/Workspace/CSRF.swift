import Hummingbird
import Store

/// Cross-site request forgery tokens. Every workspace form carries one in a hidden
/// `csrf` field and every POST checks it (a missing or wrong one is 403). Signed in, it
/// is the session's own random token; before sign-in (the sign-in forms) it is the
/// value of a `kalendarium_csrf` cookie set with the form, so another site can neither
/// sign a browser in nor ask for links in its name.
enum CSRF {
    static let field = "csrf"
    static let cookieName = "kalendarium_csrf"

    static func newToken() -> String { RandomToken.make() }

    static func matches(_ given: String?, _ expected: String?) -> Bool {
        guard let given, let expected, !expected.isEmpty, given.utf8.count == expected.utf8.count else { return false }
        return ConstantTime.equal(given, expected)
    }

    /// The browser's pre-sign-in token, and the cookie to set if it had none.
    static func anonymous(_ request: Request, secure: Bool) -> (token: String, cookie: Cookie?) {
        if let value = request.cookies[cookieName]?.value, value.utf8.count == 64 { return (String(value), nil) }
        let token = newToken()
        return (
            token,
            Cookie(
                name: cookieName, value: token, path: WorkspacePaths.root, secure: secure, httpOnly: true,
                sameSite: .lax)
        )
    }
}
