import KalendariumCore
import Store

/// The hand-overs of one claimed batch, a window of messages per transaction.
///
/// Before a message's end of data its claim must be checked and the message noted as
/// handed over (see `HandOver`). One commit per message for that cost more than the
/// sending itself, so the first message of a window hands over the next `size` at once.
/// That is as safe: the check and the claim's extension to `claimSeconds` from then
/// hold every message of the window, and a window is used only for a third of the
/// claim period, so each dot is still written well inside the claim it was checked
/// against (the heartbeat extends it further). A message of the window that a kill
/// leaves unsent is sent again flagged uncertain, though it never reached the server:
/// a false alarm, never a silent duplicate, since only an end of data that was written
/// and not recorded can make one.
actor HandOverWindow {
    private let entries: [OutboxEntry]
    private let position: [String: Int]
    private let store: any OutboxStore
    private let size: Int
    private let claimSeconds: Int
    private let clock: @Sendable () -> UTCInstant
    /// When each message was handed over, on the monotonic clock.
    private var handedOverAt: [Int: ContinuousClock.Instant] = [:]
    /// Messages the store did not hand over: their claims were lost.
    private var refused = Set<Int>()
    /// The window being prepared, which other connections wait for.
    private var preparing: Task<Void, any Error>?

    /// - Parameters:
    ///   - entries: the claimed batch, in the order it is sent.
    ///   - clock: the wall clock, which claims are measured by.
    init(
        _ entries: [OutboxEntry], store: any OutboxStore, size: Int = 32, claimSeconds: Int,
        clock: @escaping @Sendable () -> UTCInstant
    ) {
        self.entries = entries
        position = Dictionary(entries.enumerated().map { ($1.messageID, $0) }, uniquingKeysWith: { first, _ in first })
        self.store = store
        self.size = max(size, 1)
        self.claimSeconds = claimSeconds
        self.clock = clock
    }

    /// Makes sure the message is still this sender's and noted as handed over, with a
    /// store transaction only at the start of a window. Throws `ClaimLost` when its
    /// claim was taken: it must then not be sent.
    ///
    /// One window is prepared at a time: connections that need one meanwhile wait for
    /// it, then look again. Two transactions updating overlapping rows at once could
    /// deadlock on PostgreSQL, which locks rows in its own order, not the list's.
    func prepare(messageID: String) async throws {
        guard let index = position[messageID] else { throw ClaimLost(messageID: messageID) }
        // Bounded: each turn returns, throws, or waits for a window that then ends.
        for _ in 0...entries.count {
            if isFresh(index, at: .now) { return }
            if refused.contains(index) { throw ClaimLost(messageID: messageID) }
            if let preparing {
                _ = try? await preparing.value
                continue
            }
            let task = Task { try await handOverWindow(from: index) }
            preparing = task
            try await task.value
        }
        throw ClaimLost(messageID: messageID)
    }

    private func isFresh(_ index: Int, at now: ContinuousClock.Instant) -> Bool {
        handedOverAt[index].map { now - $0 < .milliseconds(claimSeconds * 1000 / 3) } ?? false
    }

    /// Hands over message `index` and the next ones not fresh, `size` in all, and notes
    /// the outcome before the task ends, so a connection waiting for it finds it noted.
    private func handOverWindow(from index: Int) async throws {
        defer { preparing = nil }
        let now = ContinuousClock.now
        let window = Array((index..<entries.count).lazy.filter { !self.isFresh($0, at: now) }.prefix(size))
        let handedOver = try await store.handOver(
            window.map { entries[$0] }, until: clock().adding(seconds: claimSeconds))
        for i in window {
            if handedOver.contains(entries[i].key) {
                handedOverAt[i] = now
            } else {
                refused.insert(i)
            }
        }
    }
}
