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
    /// - Parameter startWithout: when the SQLite file cannot be opened because the disk
    ///   is full, run `body` all the same with a store that keeps trying to open it
    ///   (`serve`: the feeds need no database). Any other failure is thrown: a wrong
    ///   path or permission is for the operator to fix before the daemon runs.
    public func withStore<T: Sendable>(
        logger: Logger, startWithout: Bool = false, _ body: @Sendable (any Store) async throws -> T
    ) async throws -> T {
        switch self {
        case .sqlite(let directory):
            let store: any Store
            do {
                store = try SQLiteStore(directory: directory)
            } catch let error as StoreError where startWithout && error.diskFull {
                logger.error(
                    """
                    \(error.description); serving the feeds and the page without it, while items and \
                    reminders wait until the database can be opened
                    """)
                store = DeferredSQLiteStore(directory: directory)
            }
            return try await body(store)
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
