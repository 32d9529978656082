public import KalendariumCore

/// A change to an item; nil fields stay as they are.
public struct ItemChange: Sendable {
    public var title: String?
    public var description: String?
    public var owners: [Owner]?
    public var due: LocalDate??
    public var status: Item.Status?
    /// `.some(nil)` makes a recurring item a one-off; its earlier occurrences stay.
    public var recurrence: Recurrence??
    /// The note for the history ("Pågår", "Utskickat via mejl den 16 november").
    public var note: String?

    public init(
        title: String? = nil, description: String? = nil, owners: [Owner]? = nil, due: LocalDate?? = nil,
        status: Item.Status? = nil, note: String? = nil, recurrence: Recurrence?? = nil
    ) {
        self.title = title
        self.description = description
        self.owners = owners
        self.due = due
        self.status = status
        self.note = note
        self.recurrence = recurrence
    }
}

extension ItemChange {
    /// Applies the change to `item` (saved as `id`); returns whether its status changed,
    /// which is what puts a note in its history. Both back ends update through this.
    func apply(to item: inout Item, id: Int64) -> Bool {
        if let title { item.title = title }
        if let description { item.description = description }
        if let owners { item.owners = owners }
        if let due { item.due = due }
        if let recurrence {
            item.recurrence = recurrence
            if recurrence != nil, item.series == nil { item.series = id }
        }
        let statusChanged = status.map { $0 != item.status } ?? false
        if let status { item.status = status }
        return statusChanged
    }
}
