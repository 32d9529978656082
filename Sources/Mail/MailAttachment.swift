/// A file attached to a message.
public struct MailAttachment: Hashable, Sendable {
    public let filename: String
    /// The full content type, parameters included (`text/calendar; charset=utf-8; method=PUBLISH`).
    public let contentType: String
    public let data: [UInt8]

    public init(filename: String, contentType: String, data: [UInt8]) {
        self.filename = filename.withoutLineBreaks
        self.contentType = contentType.withoutLineBreaks
        self.data = data
    }
}
