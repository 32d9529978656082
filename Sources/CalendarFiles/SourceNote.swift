public import KalendariumCore

/// A comment in a data file that says where a value comes from.
///
/// `# source: FILE, PLACE: "quoted words"` names the seed document and quotes it;
/// `# assumption: …` says what was assumed where the documents are silent, so that
/// nobody mistakes it for a fact. A note belongs to the next line that is not a
/// comment (or to its own line when it trails a value), and it continues over the
/// comment lines below it that are indented by two or more spaces after the `#`.
public struct SourceNote: Hashable, Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case source, assumption
    }

    public let kind: Kind
    /// The note's words, continuation lines joined by a space.
    public let text: String
    /// The line the note is about.
    public let location: SourceLocation
    /// That line's text, trimmed (`time: 12:00-13:00`).
    public let value: String

    public init(kind: Kind, text: String, location: SourceLocation, value: String) {
        self.kind = kind
        self.text = text
        self.location = location
        self.value = value
    }
}
