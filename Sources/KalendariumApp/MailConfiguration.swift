import Foundation
public import Mail

/// Where reminders go and who they come from, as the settings give them (`mail`,
/// `mail-from`, `mail-unsubscribe`); without `mail`, a maildir in the state directory.
public struct MailConfiguration: Sendable {
    public let url: String
    public let from: MailAddress
    public let unsubscribe: String

    public init(_ settings: Settings) throws(AppError) {
        url = settings.mail ?? "maildir:\(settings.state)/maildir"
        let fromText = settings.mailFrom ?? "kalendarium@localhost.localdomain"
        guard let from = MailConfiguration.address(fromText) else {
            throw AppError(
                "the sender \"\(fromText)\" is not an address; write kansli@example.org or \"Namn <kansli@example.org>\""
            )
        }
        self.from = from
        unsubscribe = settings.mailUnsubscribe ?? from.email
    }

    public func transport() throws(AppError) -> any MailTransport {
        do { return try MailURL.transport(url) } catch { throw AppError("mail: \(error.message)") }
    }

    /// The URL with the password hidden, for logs and messages.
    public var redactedURL: String { MailURL.redacted(url) }

    /// `kansli@example.org` or `Namn <kansli@example.org>`.
    static func address(_ text: String) -> MailAddress? {
        if let open = text.lastIndex(of: "<"), text.hasSuffix(">") {
            let name = text[..<open].trimmingCharacters(in: .whitespaces)
            return MailAddress(
                name: name.isEmpty ? nil : name,
                email: String(text[text.index(after: open)..<text.index(before: text.endIndex)]))
        }
        return MailAddress(email: text)
    }
}
