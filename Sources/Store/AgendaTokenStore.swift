/// The secret behind the per-person links to a members-only body's agendas
/// (``AgendaTokens``). Every daemon on one store must accept the same tokens, so the
/// secret lives with the store: beside the SQLite file (`agenda-token.key`, mode 0600,
/// so a copy of the database alone cannot make tokens) or in PostgreSQL's
/// `agenda_token_key` table, which every daemon reads.
public protocol AgendaTokenStore: Sendable {
    /// The secret (32 random bytes), made on first use.
    func agendaTokenSecret() async throws -> [UInt8]
    /// Replaces the secret with a new random one: every link sent so far stops working,
    /// and the next kallelse carries new ones.
    func rotateAgendaTokenSecret() async throws -> [UInt8]
}
