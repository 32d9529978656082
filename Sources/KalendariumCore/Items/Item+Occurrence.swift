/// Recurring items: every occurrence is an item of its own, so each has its own due
/// date, reminders and history, and closing one does not rewrite what was done.
extension Item {
    /// Whether closing the item with `status` ends its occurrence and starts the next:
    /// done does; cancelled (struken) ends the whole series.
    public static func startsNextOccurrence(closingAs status: Status) -> Bool { status == .done }

    /// The occurrence that follows this one once it is closed on `date`: the same
    /// item, due on the recurrence's next day after this one's due date, open, with
    /// a history note saying where it came from. Nil for a one-off item, an unsaved
    /// one, or one without a due date.
    public func nextOccurrence(on date: LocalDate) -> Item? {
        guard let recurrence, let id, let due else { return nil }
        let next = recurrence.next(after: due)
        return Item(
            title: title, description: description, body: body, meeting: meeting, decision: decision, owners: owners,
            due: next, status: .open,
            history: [Note(date: date, status: .open, text: "Ny förekomst när #\(id) (förfallodag \(due)) stängdes")],
            recurrence: recurrence, series: series ?? id, previous: id, point: point)
    }
}
