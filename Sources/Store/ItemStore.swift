public import KalendariumCore

/// The outstanding items from the minutes, with their history: what the items API,
/// `kalendarium items` and the reminder pass read and write.
public protocol ItemStore: Sendable {
    func addItem(_ item: Item) async throws -> Item
    func item(id: Int64) async throws -> Item?
    func items(_ filter: ItemFilter) async throws -> [Item]
    /// Applies `change`, recording a dated note in the item's history when the status changes.
    func updateItem(id: Int64, _ change: ItemChange, on date: LocalDate) async throws -> Item
}
