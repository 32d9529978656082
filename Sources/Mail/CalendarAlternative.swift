/// An iTIP message (RFC 6047) carried as the last alternative of a mail's body, after
/// the plain text and the HTML. That is where Exchange, Outlook.com and Gmail put their
/// own invitations (MS-OXCMAIL §2.1.3.3.8: a calendar message is `multipart/alternative`
/// with `text/calendar` as its last child), and where Outlook shows Accept and Decline;
/// senders who only attach the file report Outlook showing a file. Base64, as
/// Outlook.com sends it, so no line of the calendar can touch a boundary.
public struct CalendarAlternative: Hashable, Sendable {
    /// `REQUEST`, `CANCEL`: the `method` parameter, equal to the text's METHOD.
    public let method: String
    /// UTF-8 iCalendar text.
    public let data: [UInt8]

    public init(method: String, data: [UInt8]) {
        // A token, so no parameter of the content type can be closed or added through it.
        self.method = String(method.uppercased().filter { $0.isASCII && ($0.isLetter || $0 == "-") })
        self.data = data
    }

    /// `text/calendar; charset=utf-8; method=REQUEST`.
    public var contentType: String { "text/calendar; charset=utf-8; method=\(method)" }
}
