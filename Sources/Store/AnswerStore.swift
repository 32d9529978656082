public import KalendariumCore

/// The answers to the kallelser: every answer given, kept with its time, so a change
/// of mind shows as one and the latest counts. Checking who may answer and when is
/// the caller's (``CalendarData/answerable(_:by:recipients:at:)``); the store keeps
/// what it is given.
public protocol AnswerStore: Sendable {
    func recordAnswer(_ record: AnswerRecord) async throws
    /// Every answer to these meetings, oldest first.
    func answers(meetings: [String]) async throws -> [AnswerRecord]
}
