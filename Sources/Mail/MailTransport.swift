import Foundation

/// What a sender does around the moment each message is made final (SMTP's
/// end-of-data dot; for maildir and sendmail, the delivery itself).
///
/// The outbox uses it for at-least-once delivery with the smallest window for a
/// duplicate: `prepare` makes sure the message is still this sender's and notes that
/// it is being handed over (throwing withholds it: another sender has it now), and
/// `delivered` records it as sent the moment the server has accepted it (its reply to
/// the end of data), with nothing in between. A sender killed after the dot and before
/// that record leaves the message handed over but unrecorded: the next sender sends it
/// again, flagged uncertain, with the same Message-ID. Recording before the server's
/// answer would instead lose a message the server dropped.
public struct HandOver: Sendable {
    public var prepare: @Sendable (OutgoingMail) async throws -> Void
    public var delivered: @Sendable (OutgoingMail) async -> Void

    public init(
        prepare: @escaping @Sendable (OutgoingMail) async throws -> Void,
        delivered: @escaping @Sendable (OutgoingMail) async -> Void
    ) {
        self.prepare = prepare
        self.delivered = delivered
    }

    /// Nothing before or after.
    public static let none = HandOver(prepare: { _ in }, delivered: { _ in })
}

/// Delivers rendered messages. A transport says whether a failure is worth retrying.
public protocol MailTransport: Sendable {
    func deliver(_ mail: OutgoingMail) async throws(MailError)
    /// Delivers several messages, each with its own result (SMTP uses one connection),
    /// calling `handOver` before each one is made final.
    func deliver(batch: [OutgoingMail], handOver: HandOver) async -> [Result<Void, MailError>]
}

extension MailTransport {
    /// Delivers several messages with nothing to check before each.
    public func deliver(batch: [OutgoingMail]) async -> [Result<Void, MailError>] {
        await deliver(batch: batch, handOver: .none)
    }

    public func deliver(batch: [OutgoingMail], handOver: HandOver) async -> [Result<Void, MailError>] {
        var results: [Result<Void, MailError>] = []
        for mail in batch {
            do {
                try await handOver.prepare(mail)
            } catch {
                results.append(.failure(MailError(.withheld, "withheld: \(error)")))
                continue
            }
            do {
                try await deliver(mail)
                await handOver.delivered(mail)
                results.append(.success(()))
            } catch {
                results.append(.failure(error))
            }
        }
        return results
    }
}

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

/// Why a message was not delivered, in words safe for logs: never a password.
public struct MailError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// Try again later: connection refused, a 4xx reply, a full disk.
        case temporary
        /// Do not try again: a 5xx reply, an address the server rejects.
        case permanent
        /// Not sent on purpose: the hand-over refused it (another sender has it now).
        case withheld
    }

    public let kind: Kind
    public let message: String
    /// The message may have been delivered all the same: the connection broke or timed
    /// out after its end of data was written, before the server's answer.
    public let uncertain: Bool

    public init(_ kind: Kind, _ message: String, uncertain: Bool = false) {
        self.kind = kind
        self.message = message
        self.uncertain = uncertain
    }

    public var description: String { "\(kind.rawValue) failure: \(message)" }
}

/// Where mail goes, from a URL: `maildir:PATH` (the default, for a local mailbox),
/// `sendmail:` (the local sendmail program), `smtp://user:pass@host:587` (STARTTLS)
/// or `smtps://user:pass@host:465` (TLS).
public enum MailURL {
    public static func transport(_ url: String) throws(MailError) -> any MailTransport {
        if url.hasPrefix("maildir:") {
            let path = String(url.dropFirst("maildir:".count))
            guard !path.isEmpty else {
                throw MailError(.permanent, "maildir: needs a directory, as maildir:/var/mail/kalendarium")
            }
            return MaildirTransport(directory: path)
        }
        if url == "sendmail:" || url.hasPrefix("sendmail:") {
            let program = String(url.dropFirst("sendmail:".count))
            return SendmailTransport(program: program.isEmpty ? "/usr/sbin/sendmail" : program)
        }
        if url.hasPrefix("smtp://") || url.hasPrefix("smtps://") {
            return SMTPTransport(configuration: try SMTPConfiguration(url: url))
        }
        throw MailError(
            .permanent, "unknown mail URL \"\(redacted(url))\"; use maildir:PATH, sendmail:, smtp:// or smtps://")
    }

    /// The URL with any password replaced, for messages and logs.
    public static func redacted(_ url: String) -> String {
        guard let scheme = url.range(of: "://"), let at = url.range(of: "@", range: scheme.upperBound..<url.endIndex)
        else {
            return url
        }
        let credentials = url[scheme.upperBound..<at.lowerBound]
        guard let colon = credentials.firstIndex(of: ":") else { return url }
        return String(url[..<colon]) + ":***" + String(url[at.lowerBound...])
    }
}
