import Foundation
public import KalendariumCore

/// Reads the `# source:` and `# assumption:` notes of the data files. A YAML parser
/// drops comments, so this reads the text itself; it needs no valid YAML, which lets
/// `check --assumptions` answer even for a file that does not parse yet.
public enum SourceNotes {
    /// The notes of the `.yaml` files in each directory (not below it), in file and line
    /// order, and an error for each file that cannot be read.
    public static func read(directories: [String]) -> (notes: [SourceNote], errors: [Diagnostic]) {
        var notes: [SourceNote] = []
        var errors: [Diagnostic] = []
        for directory in directories {
            let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: base)) ?? [])
                .filter { $0.hasSuffix(".yaml") }.sorted()
            for name in names {
                let file = "\(base)/\(name)"
                guard let data = FileManager.default.contents(atPath: file),
                    let text = String(data: data, encoding: .utf8)
                else {
                    errors.append(
                        .error(
                            .files, "cannot read the file as UTF-8 text",
                            at: SourceLocation(file: file, line: 0, column: 0)))
                    continue
                }
                notes += scan(text, file: file)
            }
        }
        return (notes, errors)
    }

    /// The notes of one file's text.
    public static func scan(_ text: String, file: String) -> [SourceNote] {
        var notes: [SourceNote] = []
        /// Notes read but not yet given their line.
        var pending: [(kind: SourceNote.Kind, words: [String], line: Int)] = []
        /// Whether the last comment line belonged to a note, so an indented one continues it.
        var continuing = false
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, raw) in lines.enumerated() {
            let number = index + 1
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw[...]
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.first == "#" {
                let comment = trimmed.dropFirst()
                if let (kind, words) = marker(comment) {
                    pending.append((kind, [words], number))
                    continuing = true
                } else if continuing, comment.hasPrefix("  "), !pending.isEmpty {
                    pending[pending.count - 1].words.append(comment.trimmingWhitespace)
                } else {
                    continuing = false
                }
                continue
            }
            continuing = false
            if trimmed.isEmpty { continue }
            let (value, trailing) = splitComment(line)
            if let trailing, let (kind, words) = marker(trailing) {
                pending.append((kind, [words], number))
            }
            let location = SourceLocation(file: file, line: number, column: line.count - trimmed.count + 1)
            for note in pending {
                notes.append(
                    SourceNote(
                        kind: note.kind, text: note.words.joined(separator: " "), location: location,
                        value: value.trimmingWhitespace))
            }
            pending = []
        }
        // Notes after the last value belong to their own lines.
        for note in pending {
            notes.append(
                SourceNote(
                    kind: note.kind, text: note.words.joined(separator: " "),
                    location: SourceLocation(file: file, line: note.line, column: 1), value: ""))
        }
        return notes
    }

    /// `source: …` or `assumption: …` at the start of a comment's text.
    private static func marker(_ comment: Substring) -> (SourceNote.Kind, String)? {
        let text = comment.trimmingWhitespace
        for kind in SourceNote.Kind.allCases {
            let prefix = kind.rawValue + ":"
            if text.lowercased().hasPrefix(prefix) {
                return (kind, String(text.dropFirst(prefix.count)).trimmingWhitespace)
            }
        }
        return nil
    }

    /// A line's value and its trailing comment: YAML starts a comment at a `#` after a
    /// space, outside quotes.
    private static func splitComment(_ line: Substring) -> (Substring, Substring?) {
        var quote: Character?
        var previous: Character = " "
        for index in line.indices {
            let c = line[index]
            if let open = quote {
                if c == open { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "#", previous == " " || previous == "\t" {
                return (line[..<index], line[line.index(after: index)...])
            }
            previous = c
        }
        return (line, nil)
    }
}
