/// RFC 5321 §4.5.2: a line of the message that starts with "." gets a second one, and
/// the data ends with CRLF.CRLF. Bare LFs become CRLF.
enum DotStuffing {
    /// The message as DATA, with the terminating ".CRLF".
    static func data(_ message: String) -> String { body(message) + terminator }

    /// The line that ends DATA: the moment the server takes the message.
    static let terminator = ".\r\n"

    /// The dot-stuffed message without the terminator, ending in CRLF. One pass over the
    /// bytes: a rendered message (CRLF lines, none starting with a dot) comes out as it
    /// went in, and this runs once per message sent.
    static func body(_ message: String) -> String {
        let dot = UInt8(ascii: "."), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        var out: [UInt8] = []
        out.reserveCapacity(message.utf8.count + 64)
        var lineStart = true
        var previous: UInt8 = 0
        for byte in message.utf8 {
            if lineStart && byte == dot { out.append(dot) }
            if byte == lf && previous != cr { out.append(cr) }
            out.append(byte)
            lineStart = byte == lf
            previous = byte
        }
        if !lineStart || out.isEmpty { out += [cr, lf] }
        return String(decoding: out, as: UTF8.self)
    }
}
