import NIOCore

/// Splits the bytes a server sends into replies (RFC 5321 §4.2), multi-line ones joined.
/// `SMTPReplyHandler` runs it in the pipeline, so the dialogue above sees whole replies
/// and never bytes; `feed` gives the same framing without a channel, for tests and the
/// fuzzer (STYLE.md: decode, then converse).
public struct SMTPReplyDecoder {
    /// No reply line is anywhere near this; a server that sends more without a line
    /// end is broken or hostile, and buffering it would only grow memory.
    static let maximumLineLength = 64 * 1024

    /// The lines of a multi-line reply read so far.
    private var lines: [String] = []
    /// What `feed` was given past the last complete line.
    private var pending = ByteBuffer()

    public init() {}

    /// Feeds bytes; returns every reply they complete.
    public mutating func feed(_ bytes: some Sequence<UInt8>) throws(MailError) -> [SMTPResponse] {
        var buffer = pending
        pending = ByteBuffer()
        buffer.writeBytes(Array(bytes))
        var replies: [SMTPResponse] = []
        while let reply = try next(from: &buffer) { replies.append(reply) }
        buffer.discardReadBytes()
        pending = buffer
        return replies
    }

    /// Part of a reply is held: the first lines of a multi-line one, or bytes `feed` was
    /// given past the last complete line.
    var holdsPartOfAReply: Bool { !lines.isEmpty || pending.readableBytes > 0 }

    /// The next complete reply in `buffer`, its lines consumed; nil when the bytes end
    /// inside one (its lines so far are kept for the next call).
    mutating func next(from buffer: inout ByteBuffer) throws(MailError) -> SMTPResponse? {
        while let lineFeed = buffer.readableBytesView.firstIndex(of: 10) {
            let length = lineFeed - buffer.readableBytesView.startIndex + 1
            guard var lineBytes = buffer.readBytes(length: length) else { return nil }
            lineBytes.removeLast()
            if lineBytes.last == 13 { lineBytes.removeLast() }
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
                defer { lines = [] }
                return SMTPResponse(code: code, lines: lines)
            }
        }
        if buffer.readableBytes > Self.maximumLineLength {
            throw MailError(.temporary, "the server sent a line longer than 64 KiB")
        }
        return nil
    }
}
