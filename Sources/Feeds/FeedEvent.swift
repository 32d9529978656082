public import KalendariumCore
import Presentation

/// One event of a feed, before it becomes iCalendar: everything that, when it changes,
/// makes the event a new revision (higher SEQUENCE, new LAST-MODIFIED).
public struct FeedEvent: Hashable, Sendable {
    public enum Time: Hashable, Sendable {
        /// Wall-clock times in Europe/Stockholm.
        case timed(start: LocalDate, startTime: LocalTime, end: LocalDate, endTime: LocalTime)
        /// Whole days, `last` included.
        case allDay(first: LocalDate, last: LocalDate)
    }

    public enum Status: String, Hashable, Sendable {
        case confirmed = "CONFIRMED"
        case tentative = "TENTATIVE"
        case cancelled = "CANCELLED"
    }

    /// Without the `@domain` part, which the renderer adds.
    public let uid: String
    public let time: Time
    public let summary: String
    public let location: String?
    public let description: String
    public let categories: [String]
    public let status: Status
    /// True for informational events (host duties) that should not block time.
    public let transparent: Bool
    /// The fragment of the web page that shows this event (`PageAnchor`), for its URL.
    /// Derived from the event's identity, so it is not part of the fingerprint.
    public var anchor: String
    /// Its COLOR, from its body or conference. Presentation only: a new colour is not a
    /// new revision (RFC 5546 raises SEQUENCE for changes people must act on), so it is
    /// not part of the fingerprint either.
    public var color: CSSColor?

    public init(
        uid: String, time: Time, summary: String, location: String?, description: String, categories: [String],
        status: Status, transparent: Bool, anchor: String, color: CSSColor? = nil
    ) {
        self.uid = uid
        self.time = time
        self.summary = summary
        self.location = location
        self.description = description
        self.categories = categories
        self.status = status
        self.transparent = transparent
        self.anchor = anchor
        self.color = color
    }

    /// The last day clients show it on.
    public var lastDay: LocalDate {
        switch time {
        case .timed(_, _, let end, _): end
        case .allDay(_, let last): last
        }
    }

    /// A stable text of the content, for detecting changes across runs.
    public var fingerprint: String {
        let timeText: String
        switch time {
        case .timed(let s, let st, let e, let et): timeText = "\(s)T\(st)/\(e)T\(et)"
        case .allDay(let f, let l): timeText = "\(f)/\(l)"
        }
        return [
            uid, timeText, summary, location ?? "", description, categories.joined(separator: ","),
            status.rawValue, transparent ? "T" : "O",
        ].joined(separator: "\u{1F}")
    }
}
