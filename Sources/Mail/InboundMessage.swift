import KalendariumCore

/// A received message, read without trusting it: RFC 5322 headers unfolded, MIME
/// (RFC 2045–2047, 2231) parts at any depth up to a bound, base64 and quoted-printable
/// undone, UTF-8 and the Latin charsets read. Anything malformed is read as far as it
/// goes, never a crash; only what is too large or too deep to be an answer is refused.
public struct InboundMessage: Hashable, Sendable {
    /// A message larger than this is refused unread: an answer to an invitation is a few
    /// kilobytes, and one with a large attachment is for a person to read.
    public static let maximumSize = 10 << 20
    /// Multiparts and forwarded messages nest at most this deep (mail clients make two or three levels).
    public static let maximumDepth = 16
    /// At most this many parts, multiparts included.
    public static let maximumParts = 500
    /// At most this many header fields in one part.
    public static let maximumFields = 1000

    /// The message's own header fields, in order.
    public let headers: [HeaderField]
    /// The leaf parts in the order they appear; a message without MIME is one text part.
    public let parts: [InboundPart]

    public init(headers: [HeaderField], parts: [InboundPart]) {
        self.headers = headers
        self.parts = parts
    }

    /// Reads `bytes` as a message.
    /// - Throws: `InboundMailError` when it is over `maximumSize`, nests deeper than
    ///   `maximumDepth`, or has more than `maximumParts` parts or `maximumFields` fields.
    public init(parsing bytes: [UInt8]) throws(InboundMailError) {
        guard bytes.count <= Self.maximumSize else { throw Self.tooLarge(bytes.count) }
        var reader = MIMEReader()
        headers = try reader.read(bytes[...])
        parts = reader.parts
    }

    static func tooLarge(_ size: Int) -> InboundMailError {
        let mib = (Double(size) / 1_048_576 * 10).rounded() / 10
        return InboundMailError(
            "the message is \(mib) MiB; answers are read up to \(maximumSize >> 20) MiB, so a person should read this one"
        )
    }

    /// The first header field called `name` (any case), unfolded and undecoded.
    public func header(_ name: String) -> String? { headers.first(name) }

    /// The Subject, encoded words decoded.
    public var subject: String? { header("Subject").map(EncodedWords.decode) }

    /// The Message-ID without its angle brackets.
    public var messageID: String? {
        header("Message-ID").map { String($0.trimmingWhitespace.drop { $0 == "<" }.prefix { $0 != ">" }) }
    }

    /// The address in From, its display name decoded; nil when there is none a reply
    /// could go to. Of several, the last in angle brackets (a quoted name may hold one).
    public var from: MailAddress? { header("From").flatMap(Self.address) }

    /// Every iCalendar part, inline or attached, in order.
    public var calendarParts: [InboundPart] { parts.filter(\.isCalendar) }

    /// `Name <local@domain>`, `"Efternamn, Förnamn" <local@domain>`, `local@domain (Name)`.
    /// The address is taken from the raw text, before encoded words are decoded, and
    /// from its last `<…>`, so neither a decoded nor a quoted name can pose as the address.
    static func address(_ field: String) -> MailAddress? {
        if let close = field.lastIndex(of: ">"), let open = field[..<close].lastIndex(of: "<") {
            let email = String(field[field.index(after: open)..<close])
            var name = EncodedWords.decode(String(field[..<open])).trimmingWhitespace
            if name.hasPrefix("\""), name.hasSuffix("\""), name.count >= 2 {
                name = String(name.dropFirst().dropLast()).replacing("\\\"", with: "\"")
            }
            return MailAddress(name: name.isEmpty ? nil : name, email: email)
        }
        // A bare address, perhaps with a comment; the first of a list.
        let bare = field.split(separator: ",").first.map(String.init) ?? field
        var email = ""
        var depth = 0
        for c in bare {
            if c == "(" {
                depth += 1
            } else if c == ")" {
                depth = max(0, depth - 1)
            } else if depth == 0 {
                email.append(c)
            }
        }
        return MailAddress(email: email.trimmingWhitespace)
    }
}
