/// When a meeting's answers can be given: from the kallelse until the meeting starts.
/// The answer links keep working (to show the answer) until the meeting ends, and are
/// refused after.
public enum AnswerWindow: Hashable, Sendable {
    case open
    /// The meeting has started: answers are shown, not changed.
    case started
    /// The meeting is over (or cancelled, or has no date): the link is no longer valid.
    case closed

    public init(_ meeting: Meeting, at now: UTCInstant) {
        guard meeting.status != .cancelled, let start = meeting.starts, let end = meeting.ends else {
            self = .closed
            return
        }
        self = now < start ? .open : now < end ? .started : .closed
    }
}

extension Meeting {
    /// The moment the meeting starts, in Stockholm time; midnight for an all-day one.
    public var starts: UTCInstant? {
        switch schedule {
        case .timed(let day, let time, _, _): StockholmTime.instant(day, time)
        case .allDay(let day, _): StockholmTime.instant(day, LocalTime(hour: 0, minute: 0)!)
        case .undated: nil
        }
    }

    /// The moment it ends; the midnight after the last day for an all-day one.
    public var ends: UTCInstant? {
        switch schedule {
        case .timed(_, _, let day, let time): StockholmTime.instant(day, time)
        case .allDay(_, let day): StockholmTime.instant(day.adding(days: 1), LocalTime(hour: 0, minute: 0)!)
        case .undated: nil
        }
    }
}
