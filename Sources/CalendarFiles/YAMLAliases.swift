import KalendariumCore

/// Finds YAML anchors and aliases (`&name`, `*name`) before the text is parsed.
///
/// Calendar files have no use for them, and they are how a file of a few hundred bytes
/// makes the parser build (and compare, as mapping keys) a tree of billions of nodes:
/// the "billion laughs". Refusing them up front, with the line and column, keeps a
/// broken or hostile file from stalling `check` or a daemon's reload.
public enum YAMLAliases {
    /// The first anchor or alias at a place where YAML reads one, if any.
    public static func first(in text: String) -> (line: Int, column: Int, token: String)? {
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let characters = Array(line)
            var index = 0
            var atNodeStart = true
            var quote: Character?
            while index < characters.count {
                let c = characters[index]
                if let open = quote {
                    if c == open { quote = nil }
                    index += 1
                    continue
                }
                switch c {
                case "\"", "'":
                    if atNodeStart { quote = c }
                    atNodeStart = false
                case "#" where index == 0 || characters[index - 1] == " " || characters[index - 1] == "\t":
                    index = characters.count
                    continue
                case " ", "\t":
                    break
                case "-", "?", ":":
                    // An indicator only when followed by a space or the line's end.
                    let next = index + 1 < characters.count ? characters[index + 1] : " "
                    atNodeStart = next == " " || next == "\t"
                case "[", "{", ",":
                    atNodeStart = true
                case "&",
                    "*" where atNodeStart:
                    let name = characters[(index + 1)...].prefix { !" \t,[]{}:".contains($0) }
                    if !name.isEmpty { return (lineNumber, index + 1, String(c) + String(name)) }
                    atNodeStart = false
                default:
                    atNodeStart = false
                }
                index += 1
            }
        }
        return nil
    }

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
