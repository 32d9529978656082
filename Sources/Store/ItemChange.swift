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
