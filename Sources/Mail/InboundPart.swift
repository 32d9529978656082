/// One leaf part of a received message (not a multipart, not a forwarded message,
/// whose parts are read in its place), its transfer encoding undone.
public struct InboundPart: Hashable, Sendable {
    /// Lower-cased `type/subtype`; `text/plain` when the part says nothing (RFC 2045 §5.2).
    public let contentType: String
    /// The content type's parameters by lower-cased name (`charset`, `method`, `name`).
    public let parameters: [String: String]
    /// `inline` or `attachment`, lower-cased; nil without a Content-Disposition.
    public let disposition: String?
    /// The disposition's `filename`, or else the content type's `name`.
    public let filename: String?
    /// The content, base64 or quoted-printable decoded.
    public let body: [UInt8]

    public init(
        contentType: String, parameters: [String: String] = [:], disposition: String? = nil,
        filename: String? = nil, body: [UInt8]
    ) {
        self.contentType = contentType
        self.parameters = parameters
        self.disposition = disposition
        self.filename = filename
        self.body = body
    }

    /// The content as text in its charset (UTF-8 unless it says otherwise, as RFC 5545
    /// §8.1 has it for calendars).
    public var text: String { Charset.decode(body, charset: parameters["charset"]) }

    /// An iCalendar object: `text/calendar` (RFC 6047 §2.4), Gmail's `application/ics`,
    /// or a file called `*.ics` sent as `application/octet-stream`.
    public var isCalendar: Bool {
        contentType == "text/calendar" || contentType == "application/ics"
            || (contentType == "application/octet-stream" && filename?.lowercased().hasSuffix(".ics") == true)
    }

    /// The iTIP method the content type names (`REPLY`), upper-cased; the calendar's own
    /// METHOD is what counts (a part may lack the parameter).
    public var method: String? { parameters["method"]?.uppercased() }
}
