/// Small text helpers the edges share, kept here so there is one of each.
extension StringProtocol {
    /// Without leading and trailing white space (line breaks included).
    public var trimmingWhitespace: String {
        // By index, not by building reversed copies: it runs on every field of every
        // file and of every reminder's text.
        // Most fields begin and end in a visible ASCII character: no Character to make.
        if let head = utf8.first, let tail = utf8.reversed().first, (0x21...0x7E).contains(head),
            (0x21...0x7E).contains(tail)
        {
            return String(self)
        }
        guard let first = firstIndex(where: { !$0.isWhitespace }),
            let last = lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        if first == startIndex && index(after: last) == endIndex { return String(self) }
        return String(self[first...last])
    }

    /// "ordinarie möte" → "Ordinarie möte".
    public var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }

    /// "Ledningsgruppen" → "ledningsgruppen", for the middle of a Swedish sentence.
    public var lowercasedFirst: String { prefix(1).lowercased() + dropFirst() }

    /// The first control character (NUL, ESC, DEL, C1, …) in the text, if any; line
    /// breaks and tabs count only when `allowingLineBreaks` is false. Such characters cut
    /// iCalendar text and database strings short, so no text field may hold one.
    public func controlCharacter(allowingLineBreaks: Bool) -> Unicode.Scalar? {
        // General category Cc is exactly U+0000–U+001F and U+007F–U+009F (it is closed
        // to new characters): compared by value, not looked up per scalar.
        unicodeScalars.first { scalar in
            guard scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) else { return false }
            return !(allowingLineBreaks && (scalar == "\n" || scalar == "\t" || scalar == "\r"))
        }
    }
}

extension Unicode.Scalar {
    /// `U+0000`, for messages about characters nobody can see.
    public var codePoint: String {
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
