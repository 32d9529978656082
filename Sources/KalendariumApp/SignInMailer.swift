import Foundation
public import KalendariumCore
public import Mail
import Presentation
public import Server

/// The workspace's sign-in mail, sent at once through the configured transport (the
/// maildir by default, so a machine without mail still works), not through the
/// reminder outbox: a link that arrives a minute late has used a fifteenth of its life.
public struct SignInMailer: SignInMailing {
    let transport: any MailTransport
    let from: MailAddress
    let domain: String
    let now: @Sendable () -> UTCInstant

    public init(
        transport: any MailTransport, from: MailAddress, domain: String, now: @escaping @Sendable () -> UTCInstant
    ) {
        self.transport = transport
        self.from = from
        self.domain = domain
        self.now = now
    }

    public func sendSignInLink(to person: Recipient, link: String, expires: UTCInstant) async throws {
        guard let to = MailAddress(name: person.name, email: person.email) else {
            throw AppError("\(person.email) is not an address Kalendarium can mail")
        }
        let message = MailMessage(
            from: from, to: to, subject: WorkspacePage.signInSubject, date: now(),
            messageID: "\(UUID().uuidString.lowercased())@\(domain)",
            text: WorkspacePage.signInMail(name: person.name, link: link, expires: expires),
            extraHeaders: [("Auto-Submitted", "auto-generated")])
        try await transport.deliver(OutgoingMail(message))
    }
}
