public import KalendariumCore

/// An e-mail address with an optional display name. Line breaks are removed on the
/// way in, so no name or address can ever start a header of its own.
public struct MailAddress: Hashable, Sendable, CustomStringConvertible {
    public let name: String?
    public let email: String

    /// - Returns: nil when `email` is not a plain `local@domain` address.
    public init?(name: String? = nil, email: String) {
        let email = email.trimmingWhitespace
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
            email.allSatisfy({ $0.isASCII && !$0.isWhitespace && !"<>()[]\\,;:\"".contains($0) })
        else { return nil }
        self.email = email
        self.name = name.map { $0.withoutLineBreaks }.flatMap { $0.isEmpty ? nil : $0 }
    }

    public var description: String { name.map { "\($0) <\(email)>" } ?? email }
}

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

/// A message before MIME encoding.
public struct MailMessage: Hashable, Sendable {
    public let from: MailAddress
    public let to: MailAddress
    public let subject: String
    public let date: UTCInstant
    /// Without angle brackets: `3f2a…@kalendarium.sodertornskommunerna.se`.
    public let messageID: String
    public let text: String
    public let html: String?
    public let attachments: [MailAttachment]
    /// Further headers (`List-Unsubscribe`), values without line breaks.
    public let extraHeaders: [(name: String, value: String)]

    public init(
        from: MailAddress, to: MailAddress, subject: String, date: UTCInstant, messageID: String, text: String,
        html: String? = nil, attachments: [MailAttachment] = [], extraHeaders: [(name: String, value: String)] = []
    ) {
        self.from = from
        self.to = to
        self.subject = subject.withoutLineBreaks
        self.date = date
        self.messageID = messageID.withoutLineBreaks
        self.text = text
        self.html = html
        self.attachments = attachments
        self.extraHeaders = extraHeaders.map { ($0.name.withoutLineBreaks, $0.value.withoutLineBreaks) }
    }

    public static func == (a: MailMessage, b: MailMessage) -> Bool { a.messageID == b.messageID && a.to == b.to }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(messageID)
        hasher.combine(to)
    }
}

extension String {
    /// CR, LF and the other line separators become spaces: header values are one line.
    var withoutLineBreaks: String {
        String(map { $0.isNewline ? " " : $0 })
    }

}
