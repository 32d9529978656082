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
