import KalendariumCore
import Testing

@testable import Store

/// Recurring items, on every back end: closing one occurrence creates the next in the
/// same transaction, once, and the series can be followed.
extension StoreContract {
    static func fee(_ municipality: String = "botkyrka") -> Item {
        Item(
            title: "Betala medlemsavgiften: \(municipality)", body: "samarbetskommitten",
            owners: [.municipality(municipality)], due: LocalDate(iso: "2027-03-15"),
            recurrence: Recurrence(text: "yearly 03-15"))
    }

    static let closed = LocalDate(iso: "2027-03-10")!

    static func closingAnOccurrenceCreatesTheNext(_ store: any Store) async throws {
        let first = try await store.addItem(fee())
        let id = try #require(first.id)
        #expect(first.series == id)
        #expect(first.previous == nil)
        #expect(first.recurrence?.description == "yearly 03-15")

        let done = try await store.updateItem(id: id, ItemChange(status: .done, note: "Betald"), on: closed)
        #expect(done.status == .done)
        let series = try await store.items(ItemFilter(series: id))
        #expect(series.count == 2)
        let next = try #require(series.first { $0.previous == id })
        #expect(next.due == LocalDate(iso: "2028-03-15"))
        #expect(next.status == .open)
        #expect(next.series == id)
        #expect(next.owners == [.municipality("botkyrka")])
        #expect(next.recurrence == first.recurrence)
        #expect(next.history.map(\.text) == ["Ny förekomst när #\(id) (förfallodag 2027-03-15) stängdes"])
        #expect(next.history.first?.date == closed)

        // Closing the next one goes on to 2029.
        let nextID = try #require(next.id)
        _ = try await store.updateItem(id: nextID, ItemChange(status: .done), on: closed)
        let dues = try await store.items(ItemFilter(series: id)).compactMap(\.due).map(\.description)
        #expect(dues == ["2027-03-15", "2028-03-15", "2029-03-15"])
    }

    /// Reopening and closing again, or a second close, never makes two next occurrences.
    static func closingTwiceMakesOneNext(_ store: any Store) async throws {
        let id = try #require(try await store.addItem(fee("haninge")).id)
        _ = try await store.updateItem(id: id, ItemChange(status: .done), on: closed)
        _ = try await store.updateItem(id: id, ItemChange(status: .open, note: "Fel, inte betald"), on: closed)
        _ = try await store.updateItem(id: id, ItemChange(status: .done, note: "Nu betald"), on: closed)
        #expect(try await store.items(ItemFilter(series: id)).count == 2)
        // Concurrent closes of one occurrence: still one next.
        let other = try #require(try await store.addItem(fee("tyreso")).id)
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<4 {
                group.addTask { _ = try? await store.updateItem(id: other, ItemChange(status: .done), on: closed) }
            }
        }
        #expect(try await store.items(ItemFilter(series: other)).count == 2)
    }

    /// A cancelled (struken) occurrence ends the series; a one-off item starts nothing.
    static func cancellingEndsTheSeries(_ store: any Store) async throws {
        let id = try #require(try await store.addItem(fee("salem")).id)
        _ = try await store.updateItem(id: id, ItemChange(status: .cancelled, note: "Salem har lämnat"), on: closed)
        #expect(try await store.items(ItemFilter(series: id)).count == 1)

        let oneOff = try #require(try await store.addItem(item()).id)
        _ = try await store.updateItem(id: oneOff, ItemChange(status: .done), on: closed)
        #expect(try await store.items(ItemFilter()).filter { $0.previous == oneOff }.isEmpty)
    }

    /// An item can start or stop repeating; stopping keeps the occurrences made so far.
    static func recurrenceCanBeSetAndCleared(_ store: any Store) async throws {
        let id = try #require(
            try await store.addItem(
                Item(
                    title: "Månadsrapport", body: "ledningsgruppen", owners: [.role(.kansli)],
                    due: LocalDate(iso: "2027-01-29"))
            ).id)
        let repeating = try await store.updateItem(
            id: id, ItemChange(recurrence: .some(Recurrence(text: "monthly last-working-day"))), on: closed)
        #expect(repeating.series == id)
        _ = try await store.updateItem(id: id, ItemChange(status: .done), on: closed)
        let next = try #require(try await store.items(ItemFilter(series: id)).first { $0.previous == id })
        #expect(next.due == LocalDate(iso: "2027-02-26"))
        let stopped = try await store.updateItem(
            id: try #require(next.id), ItemChange(recurrence: .some(nil)), on: closed)
        #expect(stopped.recurrence == nil)
        _ = try await store.updateItem(id: try #require(next.id), ItemChange(status: .done), on: closed)
        #expect(try await store.items(ItemFilter(series: id)).count == 2)
    }
}
