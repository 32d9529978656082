import Crypto
import Foundation

/// The per-person token in the links to a members-only body's meeting page and papers:
/// HMAC-SHA256 over "meeting-id|email-lowercased" with the store's secret, in hex. It
/// names no one in the URL, works for one meeting only, and stops working when the
/// secret is rotated (`kalendarium tokens rotate`).
public struct AgendaTokens: Sendable {
    private let key: SymmetricKey

    public init(secret: [UInt8]) { key = SymmetricKey(data: secret) }

    public func token(meeting: String, email: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data("\(meeting)|\(email.lowercased())".utf8), using: key)
        return Self.hex(mac)
    }

    /// Bytes as lowercase hex, two digits each: the tokens' form in a URL.
    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        bytes.map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// The token of a person's answer links to a meeting's kallelse: the same secret
    /// as the page links, with its own prefix so neither token opens the other's door.
    /// Whether it is still valid (until the meeting ends) is the meeting's to say.
    public func answerToken(meeting: String, email: String) -> String {
        token(meeting: "answer|\(meeting)", email: email)
    }

    /// 32 random bytes from the system's generator, for a new secret.
    static func newSecret() -> [UInt8] {
        SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }
    }
}
