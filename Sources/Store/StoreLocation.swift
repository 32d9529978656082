public import Logging
import ServiceLifecycle

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

    /// Opens the store for a daemon's lifetime. Its `services` must then run (in the
    /// daemon's ServiceGroup) and `prepare()` be called before the store is used.
    /// - Parameter startWithout: when the SQLite file cannot be opened because the disk
    ///   is full, return a store that keeps trying to open it (`serve`: the feeds need
    ///   no database). Any other failure is thrown: a wrong path or permission is for
    ///   the operator to fix before the daemon runs.
    public func open(logger: Logger, startWithout: Bool = false) throws -> OpenedStore {
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
            return OpenedStore(store: store, services: [], prepare: {})
        case .postgres(let url):
            let store = try PostgresStore(url: url, logger: logger)
            return OpenedStore(store: store, services: [store.client], prepare: { try await store.migrate() })
        }
    }

    /// Opens the store, runs `body` with it, and closes it (a command, not a daemon):
    /// the store's services (PostgreSQL's connection pool) run in child tasks for
    /// exactly that long.
    public func withStore<T: Sendable>(
        logger: Logger, _ body: @Sendable (any Store) async throws -> T
    ) async throws -> T {
        let opened = try open(logger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            for service in opened.services { group.addTask { try await service.run() } }
            defer { group.cancelAll() }
            try await opened.prepare()
            return try await body(opened.store)
        }
    }
}
