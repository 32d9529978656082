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
