public import KalendariumCore

/// Renders a `MailMessage` as an RFC 5322 message with MIME (RFC 2045–2047):
/// UTF-8 throughout, encoded-words for non-ASCII headers, quoted-printable text,
/// `multipart/alternative` for text, HTML and an invitation, `multipart/mixed` for attachments.
/// Boundaries are random for each rendering and checked against every line of the
/// parts: a boundary anyone could compute (from the Message-ID, say) would let text in
/// a reminder (an item's description) close a part and inject one of its own. The
/// outbox keeps the rendered bytes, so every attempt still sends the same message.
public enum MIME {
    /// - Parameter boundarySeed: fixed boundaries, for tests; nil (the default) draws them at random.
    public static func render(_ m: MailMessage, boundarySeed: String? = nil) -> String {
        var headers: [(String, String)] = [
            ("From", address(m.from)),
            ("To", address(m.to)),
            ("Subject", encodedWords(m.subject)),
            ("Date", rfc5322Date(m.date)),
            ("Message-ID", "<\(m.messageID)>"),
            ("MIME-Version", "1.0"),
        ]
        headers += m.extraHeaders.map { ($0.name, $0.value) }
        // Each part is encoded once; the boundary is then chosen to start none of its lines.
        let text = quotedPrintable(m.text)
        let html = m.html.map(quotedPrintable)
        let calendar = m.calendar.map { ($0, base64Lines($0.data)) }
        let attachments = m.attachments.map { ($0, base64Lines($0.data)) }
        var bodies = [text]
        if let html { bodies.append(html) }
        if let calendar { bodies.append(calendar.1) }
        bodies += attachments.map(\.1)
        let seed = boundarySeed ?? freeSeed(avoiding: bodies)
        let alternative = "alt-\(seed)"
        let mixed = "mix-\(seed)"

        var body = ""
        let textPart = part(
            contentType: "text/plain; charset=utf-8", encoding: "quoted-printable",
            content: text)
        // The alternatives, plainest first (RFC 2046 §5.1.4): text, HTML, the invitation.
        var alternatives: [String] = []
        if let html {
            alternatives.append(
                part(contentType: "text/html; charset=utf-8", encoding: "quoted-printable", content: html))
        }
        if case let (calendar, encoded)? = calendar {
            alternatives.append(part(contentType: calendar.contentType, encoding: "base64", content: encoded + "\r\n"))
        }
        var content: String
        let contentType: String
        if !alternatives.isEmpty {
            content = ([textPart] + alternatives).map { "--\(alternative)\r\n\($0)\r\n" }.joined()
            content += "--\(alternative)--\r\n"
            contentType = "multipart/alternative; boundary=\"\(alternative)\""
        } else {
            content = ""
            contentType = ""
        }
        if m.attachments.isEmpty {
            if alternatives.isEmpty {
                headers += [
                    ("Content-Type", "text/plain; charset=utf-8"), ("Content-Transfer-Encoding", "quoted-printable"),
                ]
                body = text
            } else {
                headers.append(("Content-Type", contentType))
                body = content
            }
        } else {
            headers.append(("Content-Type", "multipart/mixed; boundary=\"\(mixed)\""))
            let first = alternatives.isEmpty ? textPart : "Content-Type: \(contentType)\r\n\r\n\(content)"
            body = "--\(mixed)\r\n\(first)\r\n"
            for (attachment, encoded) in attachments {
                let name = safeFilename(attachment.filename)
                body += "--\(mixed)\r\n"
                body += "Content-Type: \(attachment.contentType); name=\"\(name)\"\r\n"
                body += "Content-Disposition: attachment; filename=\"\(name)\"\r\n"
                body += "Content-Transfer-Encoding: base64\r\n\r\n"
                body += encoded + "\r\n"
            }
            body += "--\(mixed)--\r\n"
        }
        return headers.map { fold("\($0.0): \($0.1)") }.joined() + "\r\n" + body
    }

    /// A random seed whose boundaries start no line of the message's parts (with 128
    /// random bits a clash is all but impossible; the check makes it impossible).
    static func freeSeed(avoiding parts: [String]) -> String {
        let lines = dashLines(parts)
        var generator = SystemRandomNumberGenerator()
        while true {
            let seed = (0..<2).map { _ in
                let hex = String(generator.next() as UInt64, radix: 16)
                return String(repeating: "0", count: 16 - hex.count) + hex
            }.joined()
            if !lines.contains(where: { $0.hasPrefix("--alt-\(seed)") || $0.hasPrefix("--mix-\(seed)") }) {
                return seed
            }
        }
    }

    /// The lines of `parts` that start with `--`, the only ones a boundary can clash
    /// with. On bytes: the parts are the whole message, and splitting it into Strings
    /// cost a reminder pass more than encoding it.
    static func dashLines(_ parts: [String]) -> Set<String> {
        var lines: Set<String> = []
        for var part in parts {
            part.withUTF8 { bytes in
                var start = 0
                while start < bytes.count {
                    var end = start
                    while end < bytes.count && bytes[end] != 10 { end += 1 }
                    let content = end > start && end < bytes.count && bytes[end - 1] == 13 ? end - 1 : end
                    if content - start >= 2 && bytes[start] == 45 && bytes[start + 1] == 45 {
                        lines.insert(
                            String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<content]), as: UTF8.self))
                    }
                    start = end + 1
                }
            }
        }
        return lines
    }

    static func part(contentType: String, encoding: String, content: String) -> String {
        "Content-Type: \(contentType)\r\nContent-Transfer-Encoding: \(encoding)\r\n\r\n\(content)"
    }

    /// An attachment's file name as plain ASCII letters, digits, `.`, `-` and `_`, at
    /// most 60 characters with its extension kept. The names are Kalendarium's own
    /// (`ledningsgruppen-2027-01-22.ics`); anything else in one could close the quoted
    /// parameter, and encoded words there made a header line of 2,242 octets (found
    /// by `scripts/fuzz`).
    static func safeFilename(_ name: String) -> String {
        let mapped = String(
            name.map { c -> Character in
                c.isASCII && (c.isLetter || c.isNumber || c == "." || c == "-" || c == "_") ? c : "-"
            })
        let dot = mapped.lastIndex(of: ".")
        let ext = dot.map { String(mapped[$0...].prefix(10)) } ?? ""
        let stem = String((dot.map { mapped[..<$0] } ?? mapped[...]).prefix(60 - ext.count))
        return stem.isEmpty ? "bilaga\(ext)" : stem + ext
    }

    /// Whether `fold` can keep a header with `text` within its line length: no word
    /// is longer than a line. (Found by `scripts/fuzz`: a 3,000-letter subject.)
    static func foldable(_ text: String) -> Bool {
        var word = 0
        for byte in text.utf8 {
            word = byte == 32 ? 0 : word + 1
            if word > 66 { return false }
        }
        return true
    }

    static func address(_ a: MailAddress) -> String {
        guard let name = a.name else { return a.email }
        let plain =
            foldable(name)
            && name.utf8.allSatisfy {
                switch $0 {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                    UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: " "), UInt8(ascii: "."), UInt8(ascii: "-"):
                    true
                default: false
                }
            }
        return (plain ? name : encodedWords(name)) + " <\(a.email)>"
    }

    /// RFC 2047 B-encoded words for non-ASCII text, each at most 75 characters and never
    /// splitting a UTF-8 sequence; plain ASCII passes through, unless a word of it is
    /// too long to fold (RFC 5322 allows no line over 998 characters).
    public static func encodedWords(_ text: String) -> String {
        guard
            text.utf8.contains(where: { $0 >= 0x80 || $0 == UInt8(ascii: "=") || $0 == UInt8(ascii: "?") })
                || !foldable(text)
        else { return text }
        var words: [String] = []
        var chunk: [UInt8] = []
        // 75 - len("=?UTF-8?B?") - len("?=") = 63 base64 characters, i.e. 45 bytes (whole groups of 3).
        for character in text {
            let bytes = character.utf8
            if chunk.count + bytes.count > 45 {
                words.append("=?UTF-8?B?\(Base64.encode(chunk))?=")
                chunk.removeAll(keepingCapacity: true)
            }
            chunk.append(contentsOf: bytes)
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?\(Base64.encode(chunk))?=") }
        return words.joined(separator: " ")
    }

    /// Quoted-printable (RFC 2045 §6.7) of UTF-8 text with CRLF line ends; soft line
    /// breaks keep lines within 76 characters. A leading "." is encoded, so no line of
    /// the body can end an SMTP DATA section.
    public static func quotedPrintable(_ text: String) -> String {
        // On bytes, straight into the String's storage: a reminder pass encodes thousands
        // of bodies, and building a String per byte (and counting a line's Characters for
        // each) was most of its time. At most 3 octets per octet, a soft break per 73 of
        // those, and CRLF for a line's LF: under 5 octets per octet.
        var text = text
        return text.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count * 5 + 16) { out in
                var written = 0
                var start = 0
                while true {
                    // CRLF and LF both end a line; a lone CR is data (and encoded).
                    var end = start
                    while end < bytes.count && bytes[end] != 10 { end += 1 }
                    let content = end > start && end < bytes.count && bytes[end - 1] == 13 ? end - 1 : end
                    encodeLine(UnsafeBufferPointer(rebasing: bytes[start..<content]), into: out, at: &written)
                    guard end < bytes.count else { break }  // the last line has no line feed
                    out[written] = 13
                    out[written + 1] = 10
                    written += 2
                    start = end + 1
                }
                if written < 2 || out[written - 2] != 13 || out[written - 1] != 10 {
                    out[written] = 13
                    out[written + 1] = 10
                    written += 2
                }
                return written
            }
        }
    }

    /// One line of `quotedPrintable`, with soft breaks (`=` CRLF) within 76 characters,
    /// written into `out` from `written` on.
    private static func encodeLine(
        _ line: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>, at written: inout Int
    ) {
        var width = 0
        let last = line.count - 1
        for index in 0..<line.count {
            let byte = line[index]
            let isBlank = byte == 0x20 || byte == 0x09
            var literal: Bool
            if isBlank && index == last {
                literal = false  // trailing whitespace would be lost in transport
            } else {
                literal = (byte >= 33 && byte <= 126 && byte != 61) || isBlank
                if width == 0 && byte == 0x2E { literal = false }
            }
            if width + (literal ? 1 : 3) > 75 {
                out[written] = 61
                out[written + 1] = 13
                out[written + 2] = 10
                written += 3
                width = 0
                if byte == 0x2E { literal = false }
            }
            if literal {
                out[written] = byte
                written += 1
                width += 1
            } else {
                out[written] = 61
                out[written + 1] = hexDigits[Int(byte >> 4)]
                out[written + 2] = hexDigits[Int(byte & 0xF)]
                written += 3
                width += 3
            }
        }
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    static func base64Lines(_ data: [UInt8]) -> String {
        let encoded = Array(Base64.encode(data))
        return stride(from: 0, to: encoded.count, by: 76).map { String(encoded[$0..<min($0 + 76, encoded.count)]) }
            .joined(separator: "\r\n")
    }

    /// Folds a header line at spaces to stay within 78 octets where it can. On bytes:
    /// headers are ASCII by now (`encodedWords`), and every message has long ones.
    static func fold(_ line: String) -> String {
        guard line.utf8.count > 78 else { return line + "\r\n" }
        var out: [UInt8] = []
        out.reserveCapacity(line.utf8.count + 16)
        var current = 0  // octets on the line being written
        var hasSpace = false
        for (index, word) in line.utf8.split(separator: 32, omittingEmptySubsequences: false).enumerated() {
            // Never fold right after the header name: "Subject:" alone on a line helps nobody.
            if index > 0 && current + 1 + word.count > 78 && hasSpace {
                out += [13, 10, 32]
                current = 1
            } else if index > 0 {
                out.append(32)
                current += 1
                hasSpace = true
            }
            out += word
            current += word.count
        }
        out += [13, 10]
        return String(decoding: out, as: UTF8.self)
    }

    /// `Mon, 23 Nov 2026 08:00:00 +0100`, in Stockholm time.
    public static func rfc5322Date(_ t: UTCInstant) -> String {
        let offset = StockholmTime.offset(at: t)
        let local = t.adding(seconds: offset)
        let d = local.date
        let days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(days[d.weekday.index]), \(two(d.day)) \(months[d.month - 1]) \(d.year) "
            + "\(two(local.hour)):\(two(local.minute)):\(two(local.second)) +\(two(offset / 3600))00"
    }
}
