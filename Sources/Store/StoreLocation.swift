public import Logging

/// Where the store lives: the embedded SQLite file in the state directory, or a
/// PostgreSQL database that several daemons share (`--database postgres://…`).
public enum StoreLocation: Sendable, Equatable {
    case sqlite(directory: String)
    case postgres(url: String)

    /// `database` when given (a `postgres://` URL), else SQLite in `stateDirectory`.
    public init(database: String?, stateDirectory: String) throws {
        guard let database, !database.isEmpty else {
            self = .sqlite(directory: stateDirectory)
            return
        }
        guard database.hasPrefix("postgres://") || database.hasPrefix("postgresql://") else {
            throw StoreError(
                "--database \"\(PostgresURL.redacted(database))\" is not a postgres:// URL; leave it out to use "
                    + "SQLite in the state directory")
        }
        self = .postgres(url: database)
    }

    /// Whether daemons on other machines may share this store.
    public var isShared: Bool {
        if case .postgres = self { return true }
        return false
    }

    /// Opens the store (running migrations), runs `body` with it, and closes it.
    /// PostgreSQL's connection pool runs in a child task for exactly that long.
    public func withStore<T: Sendable>(
        logger: Logger, _ body: @Sendable (any Store) async throws -> T
    ) async throws -> T {
        switch self {
        case .sqlite(let directory):
            return try await body(try SQLiteStore(directory: directory))
        case .postgres(let url):
            let store = try PostgresStore(url: url, logger: logger)
            return try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await store.run() }
                defer { group.cancelAll() }
                try await store.migrate()
                return try await body(store)
            }
        }
    }
}
