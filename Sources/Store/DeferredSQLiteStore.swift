public import KalendariumCore
import Synchronization

/// The SQLite store for a daemon that must start although the database cannot be
/// opened yet (a full disk under the state directory): the feeds and the page need no
/// database, so `serve` starts and serves them from memory, while each store call tries
/// to open the database again and fails with the reason (HTTP 503) until it opens.
public final class DeferredSQLiteStore: Store {
    let directory: String
    private let state = Mutex<(store: SQLiteStore?, failure: (error: StoreError, at: ContinuousClock.Instant)?)>(
        (nil, nil))
    /// How long a failed open is answered from memory before it is tried again, so a
    /// burst of requests on a full disk costs one attempt, not one each.
    static let retryPause = Duration.seconds(2)

    /// Tries to open at once; a failure is kept for later calls, not thrown.
    public init(directory: String) {
        self.directory = directory
        _ = try? open()
    }

    /// The open store, opening it now if it was not (and the last try is not too recent).
    func open() throws(StoreError) -> SQLiteStore {
        let now = ContinuousClock.now
        let known: Result<SQLiteStore, StoreError>? = state.withLock { state in
            if let store = state.store { return .success(store) }
            if let failure = state.failure, now - failure.at < Self.retryPause { return .failure(failure.error) }
            return nil
        }
        if let known { return try known.get() }
        do {
            let opened = try SQLiteStore(directory: directory)
            return state.withLock { state in
                if let store = state.store { return store }
                state = (opened, nil)
                return opened
            }
        } catch let error as StoreError {
            state.withLock { $0.failure = (error, now) }
            throw error
        } catch {
            let wrapped = StoreError("cannot open the database in \(directory): \(error)", unavailable: true)
            state.withLock { $0.failure = (wrapped, now) }
            throw wrapped
        }
    }

    public func noticesQueued(meetings: [String]) async throws -> [String: [String: UTCInstant]] {
        try await open().noticesQueued(meetings: meetings)
    }
    public func recordAnswer(_ record: AnswerRecord) async throws { try await open().recordAnswer(record) }
    public func answers(meetings: [String]) async throws -> [AnswerRecord] {
        try await open().answers(meetings: meetings)
    }
    public func personTokens(for emails: [String]) async throws -> [String: String] {
        try await open().personTokens(for: emails)
    }
    public func person(withToken token: String) async throws -> String? { try await open().person(withToken: token) }
    public func rotatePersonToken(email: String) async throws -> String {
        try await open().rotatePersonToken(email: email)
    }
    public func minutes(meeting: String) async throws -> Minutes? { try await open().minutes(meeting: meeting) }
    public func allMinutes() async throws -> [Minutes] { try await open().allMinutes() }
    public func updateMinutes<T: Sendable>(
        meeting: String, create: @escaping @Sendable () -> Minutes, on date: LocalDate,
        _ change: @escaping @Sendable (inout Minutes) throws(AgendaError) -> (T, [MinutesEffect])
    ) async throws -> (Minutes, T) {
        try await open().updateMinutes(meeting: meeting, create: create, on: date, change)
    }
    public func agenda(meeting: String) async throws -> Agenda? { try await open().agenda(meeting: meeting) }
    public func agendas() async throws -> [Agenda] { try await open().agendas() }
    public func updateAgenda<T: Sendable>(
        meeting: String, create: @escaping @Sendable () -> Agenda, papers: [StoredPaper],
        _ change: @escaping @Sendable (inout Agenda) throws(AgendaError) -> T
    ) async throws -> (Agenda, T) {
        try await open().updateAgenda(meeting: meeting, create: create, papers: papers, change)
    }
    public func paper(meeting: String, name: String) async throws -> StoredPaper? {
        try await open().paper(meeting: meeting, name: name)
    }
    public func agendaStamp() async throws -> AgendaStamp { try await open().agendaStamp() }
    public func agendaTokenSecret() async throws -> [UInt8] { try await open().agendaTokenSecret() }
    public func rotateAgendaTokenSecret() async throws -> [UInt8] { try await open().rotateAgendaTokenSecret() }
    public func addItem(_ item: Item) async throws -> Item { try await open().addItem(item) }
    public func item(id: Int64) async throws -> Item? { try await open().item(id: id) }
    public func items(_ filter: ItemFilter) async throws -> [Item] { try await open().items(filter) }
    public func updateItem(id: Int64, _ change: ItemChange, on date: LocalDate) async throws -> Item {
        try await open().updateItem(id: id, change, on: date)
    }
    public func enqueue(_ entry: OutboxEntry, reminderKeys: [String]) async throws -> Bool {
        try await open().enqueue(entry, reminderKeys: reminderKeys)
    }
    public func enqueue(_ batch: [(entry: OutboxEntry, reminderKeys: [String])]) async throws -> [Bool] {
        try await open().enqueue(batch)
    }
    public func recordedReminders(for recipients: [String]) async throws -> [String: Set<String>] {
        try await open().recordedReminders(for: recipients)
    }
    public func claimDue(
        now: UTCInstant, limit: Int, clock: UTCInstant, claimUntil: UTCInstant
    ) async throws -> [OutboxEntry] {
        try await open().claimDue(now: now, limit: limit, clock: clock, claimUntil: claimUntil)
    }
    public func renewClaim(_ claim: String, until: UTCInstant) async throws -> Int {
        try await open().renewClaim(claim, until: until)
    }
    public func handOver(_ entry: OutboxEntry, until: UTCInstant) async throws -> Bool {
        try await open().handOver(entry, until: until)
    }
    public func handOver(_ entries: [OutboxEntry], until: UTCInstant) async throws -> Set<String> {
        try await open().handOver(entries, until: until)
    }
    public func markSent(_ entry: OutboxEntry, at: UTCInstant) async throws -> Bool {
        try await open().markSent(entry, at: at)
    }
    public func markFailed(
        _ entry: OutboxEntry, error: String, retryAt: UTCInstant?, uncertain: Bool
    ) async throws
        -> Bool
    {
        try await open().markFailed(entry, error: error, retryAt: retryAt, uncertain: uncertain)
    }
    public func outboxCounts() async throws -> OutboxCounts { try await open().outboxCounts() }
    public func outbox(status: OutboxEntry.Status?) async throws -> [OutboxEntry] {
        try await open().outbox(status: status)
    }
    public func acquireLease(_ name: String, holder: String, now: UTCInstant, until: UTCInstant) async throws -> Bool {
        try await open().acquireLease(name, holder: holder, now: now, until: until)
    }
    public func releaseLease(_ name: String, holder: String) async throws {
        try await open().releaseLease(name, holder: holder)
    }
    public func lease(_ name: String) async throws -> Lease? { try await open().lease(name) }
    public func latestCalendar() async throws -> CalendarSnapshot? { try await open().latestCalendar() }
    public func calendarGeneration() async throws -> Int64 { try await open().calendarGeneration() }
    public func publishCalendar(_ snapshot: CalendarSnapshot, after generation: Int64) async throws -> Int64? {
        try await open().publishCalendar(snapshot, after: generation)
    }
    /// Nothing is announced on SQLite (see `SQLiteStore`), opened or not.
    public func listenForCalendars(_ onChange: @Sendable (Int64) async -> Void) async throws {
        try await SQLiteStore.waitUntilCancelled()
    }

    public func addSignInLink(_ link: SignInLink) async throws { try await open().addSignInLink(link) }
    public func signInLinkCount(email: String, since instant: UTCInstant) async throws -> Int {
        try await open().signInLinkCount(email: email, since: instant)
    }
    public func signInLink(tokenHash: String) async throws -> SignInLink? {
        try await open().signInLink(tokenHash: tokenHash)
    }
    public func useSignInLink(tokenHash: String, at instant: UTCInstant) async throws -> SignInLink? {
        try await open().useSignInLink(tokenHash: tokenHash, at: instant)
    }
    @discardableResult
    public func putSession(
        key: String, value: String, owner: String?, expires: UTCInstant?, create: Bool
    )
        async throws -> Bool
    {
        try await open().putSession(key: key, value: value, owner: owner, expires: expires, create: create)
    }
    public func session(key: String, at instant: UTCInstant) async throws -> (value: String, expires: UTCInstant?)? {
        try await open().session(key: key, at: instant)
    }
    public func removeSession(key: String) async throws { try await open().removeSession(key: key) }
    public func removeSessions(owner: String) async throws -> Int { try await open().removeSessions(owner: owner) }
    public func sessionOwners(
        at instant: UTCInstant
    ) async throws -> [(
        owner: String, count: Int, expires: UTCInstant?
    )] { try await open().sessionOwners(at: instant) }
    public func recordAudit(_ entry: AuditEntry) async throws { try await open().recordAudit(entry) }
    public func auditEntries(subject: String?, limit: Int) async throws -> [AuditEntry] {
        try await open().auditEntries(subject: subject, limit: limit)
    }
}
