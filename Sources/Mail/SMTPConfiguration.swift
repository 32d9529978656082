import Foundation
import NIOCore

/// How to reach an SMTP server, from `smtp://user:pass@host:587` (STARTTLS when the
/// server offers it, required when credentials are given) or `smtps://…:465` (TLS from
/// the start). Query parameters: `starttls=never` for a trusted local relay,
/// `ca=/path/ca.pem` to trust a private certificate authority, `timeout=S` for the
/// seconds to wait for each reply, `connections=N` to send a batch over N connections
/// at once (1 to 16, default 1).
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
    /// How many connections a batch is spread over. A server that answers each end of
    /// data only once the message is safely stored (Postfix writes its queue file first)
    /// takes several messages at once that way; each connection has at most one message
    /// whose fate a kill leaves unknown.
    public let connections: Int

    /// The most connections `connections=` may ask for: more only queue at the server.
    public static let maximumConnections = 16

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
        if let text = query["connections"] {
            guard let n = Int(text), (1...Self.maximumConnections).contains(n) else {
                throw MailError(
                    .permanent,
                    "\(MailURL.redacted(url)): connections=\(text) must be a whole number from 1 to \(Self.maximumConnections)"
                )
            }
            connections = n
        } else {
            connections = 1
        }
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
