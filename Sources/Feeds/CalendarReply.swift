import ICalendar
public import KalendariumCore

/// One invitee's answer to an invitation: an iTIP REPLY (RFC 5546 §3.2.3), as Outlook,
/// Gmail, Apple Calendar and Thunderbird send it to the ORGANIZER when "Accept" or
/// "Decline" is pressed. Only what recording the answer needs; matching it to a meeting
/// and a person is the caller's (`FeedSettings.eventID(fromUID:)` gives the meeting).
public struct CalendarReply: Hashable, Sendable {
    /// PARTSTAT for an event (RFC 5545 §3.2.12).
    public enum Status: String, Hashable, Sendable, CaseIterable {
        case accepted = "ACCEPTED"
        case declined = "DECLINED"
        case tentative = "TENTATIVE"
        /// Sent someone else in their place (`delegatedTo`).
        case delegated = "DELEGATED"
        /// Not answered yet; also what a reply without PARTSTAT means (the RFC's default).
        case needsAction = "NEEDS-ACTION"
    }

    /// A reply is a few kilobytes; a larger calendar is not read as one.
    public static let maximumSize = 1 << 20
    /// VCALENDAR, VEVENT, VALARM and some room: deeper nesting is not a reply.
    public static let maximumDepth = 8

    /// The event's UID as the client sent it back, `@domain` included.
    public let uid: String
    /// The attendee who answers: the address, `mailto:` removed, lower-cased.
    public let attendee: String
    /// The attendee's CN, if the client sent one.
    public let attendeeName: String?
    public let status: Status
    /// For `.delegated`: whom to, as addresses like `attendee`. libical 3.0 keeps only
    /// the first of several DELEGATED-TO addresses.
    public let delegatedTo: [String]
    /// The SEQUENCE of the invitation answered (0 when absent): an answer to an older
    /// revision of the meeting says so by a lower number.
    public let sequence: Int
    /// DTSTAMP, when the client made the reply; of two answers the later one counts
    /// (RFC 5546 §2.1.5). nil when it is missing or not in UTC, as RFC 5545 requires.
    public let stamp: UTCInstant?
    /// The attendee's note (COMMENT), several joined by line breaks.
    public let comment: String?
    /// The ORGANIZER the reply names, an address like `attendee`.
    public let organizer: String?

    public init(
        uid: String, attendee: String, attendeeName: String? = nil, status: Status, delegatedTo: [String] = [],
        sequence: Int = 0, stamp: UTCInstant? = nil, comment: String? = nil, organizer: String? = nil
    ) {
        self.uid = uid
        self.attendee = attendee
        self.attendeeName = attendeeName
        self.status = status
        self.delegatedTo = delegatedTo
        self.sequence = sequence
        self.stamp = stamp
        self.comment = comment
        self.organizer = organizer
    }

    /// The meeting's id when the UID is one of ours (`FeedSettings.uid`), else nil.
    public func meetingID(in settings: FeedSettings) -> String? { settings.eventID(fromUID: uid) }

    /// Reads the REPLY in `text` (a calendar part of a mail).
    /// - Parameter sender: the mail's From address; picks the attendee when a client
    ///   lists more than one (RFC 5546 asks for just the one who answers).
    /// - Throws: `NotAReply` with the reason: another METHOD, no event, no attendee,
    ///   an unknown PARTSTAT, or text libical cannot read.
    public static func parse(_ text: String, sender: String? = nil) throws(NotAReply) -> CalendarReply {
        guard text.utf8.count <= maximumSize else {
            throw NotAReply("the calendar is \(text.utf8.count / 1024) KiB; a reply is a few, so it is not read")
        }
        let root: ICalComponent
        do {
            // libical's own complaints (X-LIC-ERROR) are not fatal: clients add
            // properties of their own, and only what is read below must be there.
            root = try ICalendarReader.parse(text, maxDepth: maximumDepth).calendar
        } catch {
            throw NotAReply("the calendar cannot be read: \(error.message)")
        }
        let calendars = root.name == "VCALENDAR" ? [root] : root.children("VCALENDAR")
        guard calendars.count == 1, let calendar = calendars.first else {
            throw NotAReply(
                calendars.isEmpty
                    ? "the attachment is not a calendar" : "the attachment holds \(calendars.count) calendars, not one")
        }
        let method = string(of: calendar.property("METHOD"))?.uppercased() ?? ""
        guard method == "REPLY" else { throw NotAReply(methodReason(method)) }
        let events = calendar.children("VEVENT")
        guard let first = events.first else { throw NotAReply("the reply answers no event (it has no VEVENT)") }
        let uids = Set(events.map { string(of: $0.property("UID")) ?? "" })
        guard uids.count == 1, let uid = uids.first, !uid.isEmpty else {
            throw NotAReply(
                uids.count > 1 ? "the reply answers \(uids.count) events at once" : "the reply's event has no UID")
        }
        // The whole event, not one occurrence's exception (RECURRENCE-ID), when both are there.
        let event = events.first { $0.property("RECURRENCE-ID") == nil } ?? first
        let attendee = try pickAttendee(event, sender: sender)
        let answerer = try email(attendee, what: "attendee")
        let partstat = attendee.parameter("PARTSTAT")?.uppercased() ?? Status.needsAction.rawValue
        guard let status = Status(rawValue: partstat) else {
            throw NotAReply(
                "PARTSTAT=\(partstat) is not an answer to a meeting (ACCEPTED, DECLINED, TENTATIVE, DELEGATED or NEEDS-ACTION)"
            )
        }
        let delegates = (attendee.parameter("DELEGATED-TO") ?? "").split(separator: ",").compactMap {
            address(of: $0.filter { $0 != "\"" })
        }
        let sequence: Int = if case .integer(let n)? = event.property("SEQUENCE")?.value { n } else { 0 }
        let comments = event.properties.filter { $0.name == "COMMENT" }.compactMap { string(of: $0) }.filter {
            !$0.isEmpty
        }
        return CalendarReply(
            uid: uid, attendee: answerer, attendeeName: attendee.parameter("CN").flatMap { $0.isEmpty ? nil : $0 },
            status: status, delegatedTo: delegates, sequence: sequence, stamp: instant(event.property("DTSTAMP")),
            comment: comments.isEmpty ? nil : comments.joined(separator: "\n"),
            organizer: event.property("ORGANIZER").flatMap { try? email($0, what: "organizer") })
    }

    private static func methodReason(_ method: String) -> String {
        guard !method.isEmpty else {
            return "the calendar has no METHOD: a calendar file, not an answer to an invitation"
        }
        let what =
            switch method {
            case "REQUEST": "an invitation"
            case "PUBLISH": "a published calendar"
            case "CANCEL": "a cancellation"
            case "COUNTER": "a proposal of another time"
            default: "not an answer"
            }
        return "METHOD:\(method) is \(what), not a reply (METHOD:REPLY)"
    }

    private static func pickAttendee(_ event: ICalComponent, sender: String?) throws(NotAReply) -> ICalProperty {
        let attendees = event.properties.filter { $0.name == "ATTENDEE" }
        if attendees.count == 1, let only = attendees.first { return only }
        guard !attendees.isEmpty else { throw NotAReply("the reply names no ATTENDEE, so nobody answers") }
        let wanted = sender?.lowercased()
        let senders = attendees.filter { (try? email($0, what: "attendee")) == wanted }
        guard senders.count == 1, let match = senders.first else {
            throw NotAReply(
                "the reply names \(attendees.count) attendees and none is the sender alone; "
                    + "a reply names the one who answers (RFC 5546 §3.2.3)")
        }
        return match
    }

    private static func email(_ property: ICalProperty, what: String) throws(NotAReply) -> String {
        let raw = string(of: property) ?? ""
        guard let found = address(of: raw) else {
            throw NotAReply("the \(what) \"\(raw.prefix(80))\" is not a mailto: address")
        }
        return found
    }

    /// `mailto:Eva@Example.org` → `eva@example.org`; nil for anything that is not a mail address.
    static func address(of value: some StringProtocol) -> String? {
        var text = String(value).trimmingWhitespace
        if text.lowercased().hasPrefix("mailto:") { text = String(text.dropFirst(7)) }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, !text.contains(where: \.isWhitespace) else {
            return nil
        }
        return text.lowercased()
    }

    private static func string(of property: ICalProperty?) -> String? {
        switch property?.value {
        case .text(let t), .calendarAddress(let t), .uri(let t), .other(let t), .token(let t): t
        default: nil
        }
    }

    private static func instant(_ property: ICalProperty?) -> UTCInstant? {
        guard case .utcDateTime(let y, let mo, let d, let h, let mi, let s)? = property?.value,
            let date = LocalDate(year: y, month: mo, day: d)
        else { return nil }
        return UTCInstant(date: date, hour: h, minute: mi, second: s)
    }
}
