/// Small text helpers the edges share, kept here so there is one of each.
extension StringProtocol {
    /// Without leading and trailing white space (line breaks included).
    public var trimmingWhitespace: String {
        // By index, not by building reversed copies: it runs on every field of every
        // file and of every reminder's text.
        guard let first = firstIndex(where: { !$0.isWhitespace }),
            let last = lastIndex(where: { !$0.isWhitespace })
        else { return "" }
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
        unicodeScalars.first { scalar in
            guard scalar.properties.generalCategory == .control else { return false }
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
