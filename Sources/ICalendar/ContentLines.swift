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

    /// Works on UTF-8 bytes: a feed of thousands of events is megabytes, and walking
    /// `Character`s costs more than libical's own serialisation.
    static func refold(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 50)
        var line: [UInt8] = []
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 13, i + 1 < bytes.count, bytes[i + 1] == 10 {
                // Unfolding removes every CRLF + space/tab, which also removes libical's
                // faulty folds whole: "x CR CRLF SP LF" and "x CRLF SP CRLF" both become "x CRLF".
                if i + 2 < bytes.count, bytes[i + 2] == 32 || bytes[i + 2] == 9 {
                    i += 3
                    continue
                }
                fold(line, into: &out)
                line.removeAll(keepingCapacity: true)
                i += 2
                continue
            }
            line.append(b)
            i += 1
        }
        if !line.isEmpty { fold(line, into: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Writes `line` with CRLF, folded at `limit` octets between whole characters and
    /// never between a backslash and the character it escapes.
    private static func fold(_ line: [UInt8], into out: inout [UInt8]) {
        var width = 0
        var i = 0
        while i < line.count {
            var unit = sequenceLength(line[i])
            if line[i] == UInt8(ascii: "\\"), i + 1 < line.count { unit = 1 + sequenceLength(line[i + 1]) }
            unit = min(unit, line.count - i)
            if width + unit > limit {
                out += [13, 10, 32]
                width = 1
            }
            out += line[i..<(i + unit)]
            width += unit
            i += unit
        }
        out += [13, 10]
    }

    /// Octets in the UTF-8 sequence that starts with `lead`.
    private static func sequenceLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0xF0...: 4
        case 0xE0...: 3
        case 0xC0...: 2
        default: 1
        }
    }
}
