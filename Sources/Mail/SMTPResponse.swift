/// One SMTP reply (RFC 5321 §4.2): a code and its lines, multi-line replies joined.
public struct SMTPResponse: Hashable, Sendable, CustomStringConvertible {
    public let code: Int
    public let lines: [String]

    public var isTemporaryFailure: Bool { (400..<500).contains(code) }

    public var description: String { "\(code) \(lines.joined(separator: " / "))" }
}

/// Splits the bytes a server sends into replies. A value type with no I/O, so the
/// framing is tested without a socket (STYLE.md: decode, then converse).
public struct SMTPReplyDecoder {
    private var pending: [UInt8] = []
    private var lines: [String] = []

    public init() {}

    /// Feeds bytes; returns every reply they complete.
    public mutating func feed(_ bytes: some Sequence<UInt8>) throws(MailError) -> [SMTPResponse] {
        pending += bytes
        var replies: [SMTPResponse] = []
        while let cr = pending.firstIndex(of: 10) {
            var lineBytes = pending[..<cr]
            if lineBytes.last == 13 { lineBytes = lineBytes.dropLast() }
            pending.removeSubrange(...cr)
            let line = String(decoding: lineBytes, as: UTF8.self)
            // Three digits (RFC 5321 § 4.2): Int() alone would take "-99" or "+25".
            let digits = lineBytes.prefix(3)
            guard digits.count == 3, digits.allSatisfy({ (48...57).contains($0) }), let code = Int(line.prefix(3))
            else {
                throw MailError(.temporary, "the server sent something that is not an SMTP reply: \(line.prefix(80))")
            }
            let separator = line.dropFirst(3).first
            lines.append(String(line.dropFirst(4)))
            if separator != "-" {
                replies.append(SMTPResponse(code: code, lines: lines))
                lines = []
            }
        }
        if pending.count > 64 * 1024 { throw MailError(.temporary, "the server sent a line longer than 64 KiB") }
        return replies
    }
}

/// RFC 5321 §4.5.2: a line of the message that starts with "." gets a second one, and
/// the data ends with CRLF.CRLF. Bare LFs become CRLF.
enum DotStuffing {
    /// The message as DATA, with the terminating ".CRLF".
    static func data(_ message: String) -> String { body(message) + terminator }

    /// The line that ends DATA: the moment the server takes the message.
    static let terminator = ".\r\n"

    /// The dot-stuffed message without the terminator.
    static func body(_ message: String) -> String {
        var out = ""
        out.reserveCapacity(message.utf8.count + 64)
        for line in message.replacing("\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix(".") { out += "." }
            out += line
            out += "\r\n"
        }
        // A message that ended in CRLF gave one empty line too many. ("\r\n" is a single
        // Character in Swift, so one removeLast drops one line break.)
        if out.hasSuffix("\r\n\r\n") { out.removeLast() }
        return out
    }
}
