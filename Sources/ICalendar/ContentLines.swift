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

    /// Works on UTF-8 bytes, in two passes over buffers: a feed of thousands of events is
    /// megabytes, and walking `Character`s (or appending byte by byte) costs more than
    /// libical's own serialisation.
    static func refold(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            let unfolded = unfold(bytes)
            var out: [UInt8] = []
            out.reserveCapacity(unfolded.count + unfolded.count / 50 + 2)
            unfolded.withUnsafeBufferPointer { lines in
                var start = 0
                var i = 0
                while i < lines.count {
                    if lines[i] == 13, i + 1 < lines.count, lines[i + 1] == 10 {
                        fold(lines[start..<i], into: &out)
                        i += 2
                        start = i
                    } else {
                        i += 1
                    }
                }
                if start < lines.count { fold(lines[start...], into: &out) }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// `bytes` without any CRLF that a space or tab follows. That also removes libical's
    /// faulty folds whole: "x CR CRLF SP LF" and "x CRLF SP CRLF" both become "x CRLF".
    private static func unfold(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var unfolded: [UInt8] = []
        unfolded.reserveCapacity(bytes.count)
        var run = 0
        var i = 0
        while i + 2 < bytes.count {
            if bytes[i] == 13, bytes[i + 1] == 10, bytes[i + 2] == 32 || bytes[i + 2] == 9 {
                unfolded.append(contentsOf: bytes[run..<i])
                i += 3
                run = i
            } else {
                i += 1
            }
        }
        unfolded.append(contentsOf: bytes[run...])
        return unfolded
    }

    /// Writes `line` with CRLF, folded at `limit` octets between whole characters and
    /// never between a backslash and the character it escapes. Copies the runs between
    /// folds whole.
    private static func fold(_ line: Slice<UnsafeBufferPointer<UInt8>>, into out: inout [UInt8]) {
        guard line.count > limit else {
            out.append(contentsOf: line)
            out.append(13)
            out.append(10)
            return
        }
        var width = 0
        var run = line.startIndex
        var i = line.startIndex
        while i < line.endIndex {
            var unit = sequenceLength(line[i])
            if line[i] == UInt8(ascii: "\\"), i + 1 < line.endIndex { unit = 1 + sequenceLength(line[i + 1]) }
            unit = min(unit, line.endIndex - i)
            if width + unit > limit {
                out.append(contentsOf: line[run..<i])
                out.append(13)
                out.append(10)
                out.append(32)
                run = i
                width = 1
            }
            width += unit
            i += unit
        }
        out.append(contentsOf: line[run...])
        out.append(13)
        out.append(10)
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
