public import KalendariumCore

/// What the workspace in the browser keeps: the sign-in links it mails, the sessions
/// of the people signed in, and the audit log of what they changed. All of it lives in
/// the store, so every daemon on a shared database accepts a link mailed by another,
/// knows every session, and adds to one log.
public protocol WorkspaceStore: Sendable {
    /// Keeps a new sign-in link (its token's hash only).
    func addSignInLink(_ link: SignInLink) async throws
    /// How many links were made for `email` since `instant`: the per-address limit.
    func signInLinkCount(email: String, since instant: UTCInstant) async throws -> Int
    /// The link with this token hash, used or not; nil if there is none.
    func signInLink(tokenHash: String) async throws -> SignInLink?
    /// Uses the link up at `instant` if it is still usable, in one statement, so that of
    /// two daemons (or two clicks) only one signs in. Returns the link when this call
    /// used it, nil when it was used, expired or unknown.
    func useSignInLink(tokenHash: String, at instant: UTCInstant) async throws -> SignInLink?

    /// Keeps a session's value (JSON) under `key`, replacing what was there; with
    /// `create`, leaves an existing key alone and returns false. `owner` is the
    /// signed-in address, for ``removeSessions(owner:)``.
    @discardableResult
    func putSession(
        key: String, value: String, owner: String?, expires: UTCInstant?, create: Bool
    ) async throws
        -> Bool
    /// The session's value and expiry, if it exists and has not expired at `instant`.
    func session(key: String, at instant: UTCInstant) async throws -> (value: String, expires: UTCInstant?)?
    func removeSession(key: String) async throws
    /// Ends every session of `owner` (`kalendarium sessions revoke`); returns how many.
    func removeSessions(owner: String) async throws -> Int
    /// The signed-in addresses with the number of their live sessions and when the newest
    /// expires (`kalendarium sessions`).
    func sessionOwners(at instant: UTCInstant) async throws -> [(owner: String, count: Int, expires: UTCInstant?)]

    /// Adds an entry to the audit log.
    func recordAudit(_ entry: AuditEntry) async throws
    /// The log, newest first: all of it, or one subject's (`meeting:ID`, `item:ID`).
    func auditEntries(subject: String?, limit: Int) async throws -> [AuditEntry]
}
