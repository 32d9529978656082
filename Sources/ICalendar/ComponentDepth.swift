/// How deep `BEGIN:` lines nest in iCalendar text, counted the way libical reads them:
/// after unfolding (a line break followed by a space or tab continues the line) and
/// without regard to case.
enum ComponentDepth {
    /// The depth first reached beyond `limit`, or nil when the text stays within it.
    static func exceeds(_ limit: Int, in text: String) -> Int? {
        var depth = 0
        var prefix: [UInt8] = []  // the first bytes of the current unfolded line
        var atLineStart = true
        var lastWasBreak = false
        func close() {
            let head = prefix.map { $0 >= 97 && $0 <= 122 ? $0 - 32 : $0 }
            if head.starts(with: Array("BEGIN:".utf8)) {
                depth += 1
            } else if head.starts(with: Array("END:".utf8)) {
                depth = max(0, depth - 1)
            }
            prefix.removeAll(keepingCapacity: true)
        }
        for byte in text.utf8 {
            if byte == 10 {
                lastWasBreak = true
                atLineStart = true
                continue
            }
            if byte == 13 { continue }
            if lastWasBreak {
                lastWasBreak = false
                if byte == 32 || byte == 9 { continue }  // folded: the same line goes on
                close()
                if depth > limit { return depth }
            }
            if atLineStart, prefix.count < 6 { prefix.append(byte) } else { atLineStart = false }
        }
        close()
        return depth > limit ? depth : nil
    }
}
