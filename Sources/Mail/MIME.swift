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
        for part in parts {
            let bytes = Array(part.utf8)
            var start = 0
            while start < bytes.count {
                let line = Lines.line(in: bytes[...], from: start)
                if bytes[line.content].starts(with: [45, 45]) {
                    lines.insert(String(decoding: bytes[line.content], as: UTF8.self))
                }
                start = line.next
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
        !text.split(separator: " ").contains { $0.utf8.count > 66 }
    }

    static func address(_ a: MailAddress) -> String {
        guard let name = a.name else { return a.email }
        let plain =
            foldable(name)
            && name.allSatisfy {
                $0.isASCII && ($0.isLetter || $0.isNumber || $0 == " " || $0 == "." || $0 == "-")
            }
        return (plain ? name : encodedWords(name)) + " <\(a.email)>"
    }

    /// RFC 2047 B-encoded words for non-ASCII text, each at most 75 characters and never
    /// splitting a UTF-8 sequence; plain ASCII passes through, unless a word of it is
    /// too long to fold (RFC 5322 allows no line over 998 characters).
    public static func encodedWords(_ text: String) -> String {
        guard text.contains(where: { !$0.isASCII || $0 == "=" || $0 == "?" }) || !foldable(text) else { return text }
        var words: [String] = []
        var chunk: [UInt8] = []
        // 75 - len("=?UTF-8?B?") - len("?=") = 63 base64 characters, i.e. 45 bytes (whole groups of 3).
        for character in text {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > 45 {
                words.append("=?UTF-8?B?\(Base64.encode(chunk))?=")
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?\(Base64.encode(chunk))?=") }
        return words.joined(separator: " ")
    }

    /// Quoted-printable (RFC 2045 §6.7) of UTF-8 text with CRLF line ends; soft line
    /// breaks keep lines within 76 characters. A leading "." is encoded, so no line of
    /// the body can end an SMTP DATA section.
    public static func quotedPrintable(_ text: String) -> String {
        // On bytes: a reminder pass encodes thousands of bodies, and building a String
        // per byte (and counting a line's Characters for each) was most of its time.
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 4 + 2)
        var start = 0
        while true {
            // CRLF and LF both end a line; a lone CR is data (and encoded).
            let line = Lines.line(in: bytes[...], from: start)
            encodeLine(bytes[line.content], into: &out)
            guard line.content.upperBound < bytes.count else { break }  // the last line has no line feed
            out += [13, 10]
            start = line.next
        }
        if !out.suffix(2).elementsEqual([13, 10]) { out += [13, 10] }
        return String(decoding: out, as: UTF8.self)
    }

    /// One line of `quotedPrintable`, with soft breaks (`=` CRLF) within 76 characters.
    private static func encodeLine(_ line: ArraySlice<UInt8>, into out: inout [UInt8]) {
        var width = 0
        for index in line.indices {
            let byte = line[index]
            let isBlank = byte == 0x20 || byte == 0x09
            var literal: Bool
            if isBlank && index == line.index(before: line.endIndex) {
                literal = false  // trailing whitespace would be lost in transport
            } else {
                literal = (byte >= 33 && byte <= 126 && byte != 61) || isBlank
                if width == 0 && byte == 0x2E { literal = false }
            }
            if width + (literal ? 1 : 3) > 75 {
                out += [61, 13, 10]
                width = 0
                if byte == 0x2E { literal = false }
            }
            if literal {
                out.append(byte)
                width += 1
            } else {
                out += [61, hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)]]
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

    /// Folds a header line at spaces to stay within 78 characters where it can.
    static func fold(_ line: String) -> String {
        guard line.count > 78 else { return line + "\r\n" }
        var out = ""
        var current = ""
        for word in line.split(separator: " ", omittingEmptySubsequences: false) {
            // Never fold right after the header name: "Subject:" alone on a line helps nobody.
            if !current.isEmpty && current.count + 1 + word.count > 78 && current.contains(" ") {
                out += current + "\r\n"
                current = " " + word
            } else {
                current += current.isEmpty ? String(word) : " " + word
            }
        }
        return out + current + "\r\n"
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
