/// Line folding (RFC 5545 §3.1) done over again on libical's output.
///
/// libical 3.0 (Debian bookworm ships 3.0.16) folds with two known faults:
/// - a content line of exactly 75 octets is folded into its own line break, giving
///   `CR CRLF SP LF` or `CRLF SP CRLF` (libical issue #347, fixed by PR #1338 in 4.0.3);
/// - a fold can fall between a backslash and the character it escapes (`\` | `n`),
///   which is legal, but Google Calendar then drops the event (see collective/icalendar#1501).
/// Escaping, value encoding and property order stay libical's; only the folds are redone:
/// unfold completely, then fold each line at 75 octets on character boundaries,
/// never inside an escape sequence.
enum ContentLines {
    static let limit = 75

    static func refold(_ text: String) -> String {
        // Unfolding removes every CRLF+space, which also removes the faulty folds whole:
        // "x\r\r\n \n" becomes "x\r\n", and "x\r\n \r\n" becomes "x\r\n".
        let unfolded = text.replacing("\r\n ", with: "").replacing("\r\n\t", with: "")
        var out = ""
        out.reserveCapacity(text.utf8.count + text.utf8.count / 60)
        for line in unfolded.split(separator: "\r\n", omittingEmptySubsequences: false).dropLast() {
            fold(line, into: &out)
        }
        return out
    }

    private static func fold(_ line: Substring, into out: inout String) {
        var width = 0  // octets on the current physical line
        var backslashes = 0  // run of backslashes just written
        var pending: Character?  // a backslash held back so it stays with what it escapes
        for ch in line {
            let octets = ch.utf8.count
            let needed = octets + (pending.map { $0.utf8.count } ?? 0)
            if width + needed > limit {
                out += "\r\n "
                width = 1
            }
            if let held = pending {
                out.append(held)
                width += held.utf8.count
                pending = nil
            }
            if ch == "\\" && backslashes % 2 == 0 {
                // The start of an escape: write it together with the next character.
                pending = ch
                backslashes += 1
                continue
            }
            backslashes = ch == "\\" ? backslashes + 1 : 0
            out.append(ch)
            width += octets
        }
        if let held = pending { out.append(held) }
        out += "\r\n"
    }
}
