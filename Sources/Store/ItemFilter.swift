public import KalendariumCore

public struct ItemFilter: Sendable {
    public var body: String?
    public var owner: Owner?
    public var statuses: Set<Item.Status>?
    public var dueBefore: LocalDate?
    /// Only the occurrences of one recurring item (its series id).
    public var series: Int64?

    public init(
        body: String? = nil, owner: Owner? = nil, statuses: Set<Item.Status>? = nil, dueBefore: LocalDate? = nil,
        series: Int64? = nil
    ) {
        self.body = body
        self.owner = owner
        self.statuses = statuses
        self.dueBefore = dueBefore
        self.series = series
    }

    public func matches(_ item: Item) -> Bool {
        if let body, item.body != body { return false }
        if let owner, !item.owners.contains(owner) { return false }
        if let statuses, !statuses.contains(item.status) { return false }
        if let dueBefore { guard let due = item.due, due < dueBefore else { return false } }
        if let series, item.series != series { return false }
        return true
    }
}
