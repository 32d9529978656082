/// An event from a calendar Kalendarium does not own (a regional events calendar),
/// reduced to what clash checks need. Times are Europe/Stockholm wall-clock.
public struct ExternalEvent: Hashable, Sendable {
    public let calendar: String
    public let summary: String
    public let schedule: Schedule

    public init(calendar: String, summary: String, schedule: Schedule) {
        self.calendar = calendar
        self.summary = summary
        self.schedule = schedule
    }

    var span: Range<Int> { schedule.span ?? 0..<0 }
}
