/// Small text helpers the edges share, kept here so there is one of each.
extension StringProtocol {
    /// Without leading and trailing white space (line breaks included).
    public var trimmingWhitespace: String {
        String(drop(while: { $0.isWhitespace }).reversed().drop(while: { $0.isWhitespace }).reversed())
    }

    /// "ordinarie möte" → "Ordinarie möte".
    public var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }

    /// "Ledningsgruppen" → "ledningsgruppen", for the middle of a Swedish sentence.
    public var lowercasedFirst: String { prefix(1).lowercased() + dropFirst() }
}
