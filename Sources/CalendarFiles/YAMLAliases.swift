import KalendariumCore

/// Finds YAML anchors and aliases (`&name`, `*name`) before the text is parsed.
///
/// Calendar files have no use for them, and they are how a file of a few hundred bytes
/// makes the parser build (and compare, as mapping keys) a tree of billions of nodes:
/// the "billion laughs". Refusing them up front, with the line and column, keeps a
/// broken or hostile file from stalling `check` or a daemon's reload.
public enum YAMLAliases {
    /// The first anchor or alias at a place where YAML reads one, if any.
    ///
    /// Every indicator is ASCII and UTF-8 never uses an ASCII byte inside a longer
    /// character, so the scan walks bytes; only a find counts characters for its column.
    public static func first(in text: String) -> (line: Int, column: Int, token: String)? {
        var text = text
        return text.withUTF8 { bytes in
            var lineNumber = 0
            var lineStart = 0
            while lineStart <= bytes.count {
                lineNumber += 1
                var lineEnd = lineStart
                while lineEnd < bytes.count, bytes[lineEnd] != newline { lineEnd += 1 }
                if let (index, length) = firstToken(in: UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd])) {
                    let before = String(decoding: bytes[lineStart..<lineStart + index], as: UTF8.self)
                    let token = String(
                        decoding: bytes[lineStart + index..<lineStart + index + length], as: UTF8.self)
                    return (lineNumber, before.count + 1, token)
                }
                lineStart = lineEnd + 1
            }
            return nil
        }
    }

    private static let newline = UInt8(ascii: "\n")

    /// The offset and byte length of the first anchor or alias token in one line.
    private static func firstToken(in line: UnsafeBufferPointer<UInt8>) -> (Int, Int)? {
        let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), carriageReturn = UInt8(ascii: "\r")
        func isBlank(_ byte: UInt8) -> Bool { byte == space || byte == tab || byte == carriageReturn }
        var index = 0
        var atNodeStart = true
        var quote: UInt8?
        while index < line.count {
            let c = line[index]
            if let open = quote {
                if c == open { quote = nil }
                index += 1
                continue
            }
            switch c {
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                if atNodeStart { quote = c }
                atNodeStart = false
            case UInt8(ascii: "#") where index == 0 || isBlank(line[index - 1]):
                return nil
            case space, tab, carriageReturn:
                break
            case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"):
                // An indicator only when followed by a space or the line's end.
                atNodeStart = index + 1 == line.count || isBlank(line[index + 1])
            case UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: ","):
                atNodeStart = true
            case UInt8(ascii: "!") where atNodeStart:
                // A tag (`!!str`): the node, and so an anchor, may follow it.
                while index + 1 < line.count, !isBlank(line[index + 1]) { index += 1 }
            case UInt8(ascii: "&") where atNodeStart,
                UInt8(ascii: "*") where atNodeStart:
                // Only where a node starts: `Q&A` in a plain value is text to YAML too.
                var end = index + 1
                while end < line.count, !nameEnds.contains(line[end]) { end += 1 }
                if end > index + 1 { return (index, end - index) }
                atNodeStart = false
            default:
                atNodeStart = false
            }
            index += 1
        }
        return nil
    }

    private static let nameEnds = Set(" \t\r,[]{}:".utf8)

    static func diagnostic(file: String, text: String) -> Diagnostic? {
        guard let found = first(in: text) else { return nil }
        let what = found.token.hasPrefix("&") ? "an anchor" : "an alias"
        return .error(
            .yaml,
            "\(what) (\(found.token)): Kalendarium's files do not use YAML anchors and aliases; write the value out "
                + "(quote text that starts with & or *)",
            at: SourceLocation(file: file, line: found.line, column: found.column))
    }
}
