import Foundation
public import KalendariumCore

/// The meetings' minutes. A change to the minutes and what it does to the items (a
/// decision's new items, a follow-up's status) happen in one transaction: minutes
/// never name an item that was not created, and an item never changes for minutes
/// that were not saved.
public protocol MinutesStore: Sendable {
    func minutes(meeting: String) async throws -> Minutes?
    func allMinutes() async throws -> [Minutes]
    /// Runs `change` on the meeting's minutes (from `create()` when it has none),
    /// applies the effects it returns to the items as of `date`, and saves both.
    func updateMinutes<T: Sendable>(
        meeting: String, create: @escaping @Sendable () -> Minutes, on date: LocalDate,
        _ change: @escaping @Sendable (inout Minutes) throws(AgendaError) -> (T, [MinutesEffect])
    ) async throws -> (Minutes, T)
}

/// What a change to the minutes does to the outstanding items.
public enum MinutesEffect: Sendable {
    /// Creates `items` from decision `decision` (its index) of point `point`, and links them to it.
    case createItems([Item], point: Int, decision: Int)
    /// Links items already stored to decision `decision` of point `point` (re-importing
    /// minutes whose items an earlier import brought in).
    case linkItems([Int64], point: Int, decision: Int)
    /// Applies a follow-up to its item, with the note its history gets.
    case followUp(FollowUp, note: String)
    /// Creates an earlier meeting's item that the store does not hold yet, then records
    /// and applies its follow-up (importing minutes whose items came before them).
    case followUpNew(Item, FollowUp.Status, note: String, history: String)
    /// Approves the minutes once every effect above is applied, without e-mailing them
    /// (imported minutes were shared when they were written).
    case approve([String], at: UTCInstant)
}

/// Minutes are stored as JSON; one coder for both back ends.
enum MinutesCoding {
    static func text(_ minutes: Minutes) throws -> String { try StoredDocument.text(minutes) }

    static func minutes(_ text: String) throws -> Minutes {
        try StoredDocument.value(Minutes.self, text, what: "stored minutes")
    }

    static func noSuchItem(_ id: Int64) -> AgendaError {
        AgendaError(.notFound, "there is no item #\(id); kalendarium items list shows them")
    }
}
