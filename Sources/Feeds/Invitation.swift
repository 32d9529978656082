/// A meeting as an iTIP message to one invitee (`FeedRenderer.invitation`): its METHOD
/// and the iCalendar text, which a mail carries as `text/calendar` with the same method
/// (RFC 6047 §2.4: the MIME parameter and the METHOD property must agree).
public struct Invitation: Hashable, Sendable {
    /// The iTIP methods a kallelse uses (RFC 5546 §1.4).
    public enum Method: String, Hashable, Sendable {
        /// Come to the meeting, and answer.
        case request = "REQUEST"
        /// The meeting is cancelled: take it out of the calendar.
        case cancel = "CANCEL"
    }

    public let method: Method
    /// RFC 5545 text with CRLF line ends.
    public let text: String

    public init(method: Method, text: String) {
        self.method = method
        self.text = text
    }

    /// `text/calendar; charset=utf-8; method=REQUEST`.
    public var contentType: String { "text/calendar; charset=utf-8; method=\(method.rawValue)" }
}
