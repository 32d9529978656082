/// What a signed-in browser's session holds, kept in the store through
/// hummingbird-auth's `SessionStorage` (``StorePersistDriver``): who signed in, the
/// session's own CSRF token for its forms, and when it began.
struct WorkspaceSession: Codable, Sendable, Equatable {
    /// The signed-in address, lowercased, as in `recipients.yaml`.
    let email: String
    /// Put in every form of the session and checked on every POST (``CSRF``).
    let csrf: String
    /// When the person signed in (seconds since 1970).
    let signedIn: Int
}
