/// An event reduced to what clash checks and tests need.
public struct ICalEvent: Hashable, Sendable {
    /// A wall-clock moment in the zone asked for, or a date.
    public struct Moment: Hashable, Sendable {
        public let year: Int
        public let month: Int
        public let day: Int
        public let hour: Int
        public let minute: Int
        public let isDate: Bool
    }

    public let uid: String
    public let summary: String
    public let start: Moment
    /// Exclusive end, as in iCalendar (an all-day event on one day ends the next day).
    public let end: Moment
    /// The start in UTC, when the event has a zone; tells whether time zones were applied right.
    public let startUTC: Moment?
    public let isCancelled: Bool
}
