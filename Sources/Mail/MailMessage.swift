public import KalendariumCore

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
    /// An invitation as the body's last alternative (see `CalendarAlternative`).
    public let calendar: CalendarAlternative?
    /// Further headers (`List-Unsubscribe`), values without line breaks.
    public let extraHeaders: [(name: String, value: String)]

    public init(
        from: MailAddress, to: MailAddress, subject: String, date: UTCInstant, messageID: String, text: String,
        html: String? = nil, attachments: [MailAttachment] = [], calendar: CalendarAlternative? = nil,
        extraHeaders: [(name: String, value: String)] = []
    ) {
        self.from = from
        self.to = to
        self.subject = subject.withoutLineBreaks
        self.date = date
        self.messageID = messageID.withoutLineBreaks
        self.text = text
        self.html = html
        self.attachments = attachments
        self.calendar = calendar
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
