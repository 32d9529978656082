/// A rendered message with its envelope: what a transport needs, and all the outbox keeps.
public struct OutgoingMail: Hashable, Sendable {
    /// Envelope sender (MAIL FROM).
    public let from: String
    /// Envelope recipient (RCPT TO).
    public let to: String
    public let messageID: String
    /// The whole RFC 5322 text, CRLF line ends.
    public let rendered: String

    public init(from: String, to: String, messageID: String, rendered: String) {
        self.from = from
        self.to = to
        self.messageID = messageID
        self.rendered = rendered
    }

    public init(_ message: MailMessage) {
        self.init(
            from: message.from.email, to: message.to.email, messageID: message.messageID, rendered: MIME.render(message)
        )
    }
}
