public import ServiceLifecycle

/// A store opened for as long as a process uses it, with what must run meanwhile.
public struct OpenedStore: Sendable {
    public let store: any Store
    /// What must run for as long as `store` is used: PostgreSQL's connection pool
    /// (queries wait until it runs); none for SQLite. A daemon puts them first in its
    /// ServiceGroup, so they start with it and stop after everything that uses them.
    public let services: [any Service]
    /// Makes the store ready once `services` run: PostgreSQL's migrations (SQLite runs
    /// its own when the file is opened).
    public let prepare: @Sendable () async throws -> Void
}
