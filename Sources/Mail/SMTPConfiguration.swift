import Foundation
import NIOCore

/// How to reach an SMTP server, from `smtp://user:pass@host:587` (STARTTLS when the
/// server offers it, required when credentials are given) or `smtps://…:465` (TLS from
/// the start). Query parameters: `starttls=never` for a trusted local relay,
/// `ca=/path/ca.pem` to trust a private certificate authority.
public struct SMTPConfiguration: Sendable {
    public enum Security: Sendable, Equatable { case startTLSIfOffered, startTLSRequired, implicitTLS, none }

    public let host: String
    public let port: Int
    public let security: Security
    public let username: String?
    public let password: String?
    public let caFile: String?
    /// Seconds to wait for a connection and for each reply.
    public let timeoutSeconds: Int64
    /// The name we greet with (EHLO).
    public let heloName: String

    var timeout: TimeAmount { .seconds(timeoutSeconds) }

    public init(url: String, heloName: String = "kalendarium.localdomain", timeoutSeconds: Int64 = 30) throws(MailError)
    {
        guard let components = URLComponents(string: url), let scheme = components.scheme, let host = components.host,
            !host.isEmpty
        else {
            throw MailError(.permanent, "\(MailURL.redacted(url)) is not an SMTP URL like smtp://user:pass@host:587")
        }
        let query = Dictionary(
            (components.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { a, _ in a })
        self.host = host
        username = components.user?.removingPercentEncoding
        password = components.password?.removingPercentEncoding
        caFile = query["ca"]
        self.timeoutSeconds = query["timeout"].flatMap { Int64($0) } ?? timeoutSeconds
        self.heloName = heloName
        switch scheme {
        case "smtps":
            security = .implicitTLS
            port = components.port ?? 465
        case "smtp":
            port = components.port ?? 587
            if query["starttls"] == "never" {
                security = .none
            } else {
                security = username != nil ? .startTLSRequired : .startTLSIfOffered
            }
        default:
            throw MailError(.permanent, "\(MailURL.redacted(url)): the scheme must be smtp or smtps")
        }
    }
}
