public import KalendariumCore

/// What daemons on one database agree on: who holds a lease (the reminder sender),
/// and which calendar generation they all serve. On SQLite there is one daemon, so
/// the same calls always succeed and no other daemon's generation ever arrives.
public protocol CoordinationStore: Sendable {
    /// Takes or renews the lease `name` for `holder` until `until`, when it is free,
    /// expired at `now`, or already `holder`'s. Returns whether `holder` has it.
    func acquireLease(_ name: String, holder: String, now: UTCInstant, until: UTCInstant) async throws -> Bool
    /// Gives the lease up at once (a clean shutdown), if `holder` has it.
    func releaseLease(_ name: String, holder: String) async throws
    /// Who holds the lease `name` and until when; nil when nobody ever took it.
    func lease(_ name: String) async throws -> Lease?

    /// The newest published calendar, or nil before the first.
    func latestCalendar() async throws -> CalendarSnapshot?
    /// The newest generation (0 before the first): a cheap look for pollers.
    func calendarGeneration() async throws -> Int64
    /// Publishes `snapshot` as the next generation if the newest is still `generation`
    /// (0: none yet). Returns the new generation, or nil when another daemon published
    /// first; the caller then reads the newest and decides again.
    func publishCalendar(_ snapshot: CalendarSnapshot, after generation: Int64) async throws -> Int64?
    /// Calls `onChange` with each generation another daemon publishes, as soon as the
    /// database announces it (PostgreSQL's NOTIFY), until the task is cancelled or the
    /// connection drops; then it throws, and the caller listens again. A poll of
    /// `calendarGeneration()` must back it up: an announcement made while nobody
    /// listened is lost. On SQLite nothing is ever announced; it waits until cancelled.
    func listenForCalendars(_ onChange: @Sendable (Int64) async -> Void) async throws
}
