import Foundation

/// SQLite keeps the token secret beside the database file (``TokenKeyFile``); the
/// `agenda_token_key` table of migration v8 stays empty here, there for the same
/// schema as PostgreSQL's.
extension SQLiteStore {
    var tokenKey: TokenKeyFile {
        TokenKeyFile(path: (path as NSString).deletingLastPathComponent + "/agenda-token.key")
    }

    public func agendaTokenSecret() async throws -> [UInt8] { try tokenKey.secret() }

    public func rotateAgendaTokenSecret() async throws -> [UInt8] { try tokenKey.rotate() }
}
