/// The outbox at a glance, for `remind --status`, `/metrics` and `/healthz`.
public struct OutboxCounts: Hashable, Sendable {
    public var byStatus: [OutboxEntry.Status: Int]
    /// Messages flagged uncertain (see `OutboxEntry.uncertain`), whatever their status.
    public var uncertain: Int

    public init(byStatus: [OutboxEntry.Status: Int] = [:], uncertain: Int = 0) {
        self.byStatus = byStatus
        self.uncertain = uncertain
    }

    public subscript(status: OutboxEntry.Status) -> Int { byStatus[status] ?? 0 }
}
