import CalendarFiles
import KalendariumCore

/// What `check --assumptions` and `check --sources` print: each note with the line it
/// is about, so a secretary can open the file there and a script can count them.
struct SourceNoteReport: Encodable {
    struct Note: Encodable {
        let kind: String
        let file: String
        let line: Int
        /// The line the note is about, as written (`time: 12:00-13:00`).
        let value: String
        let text: String
    }

    let directories: [String]
    let notes: [Note]
    /// What the report lists, for its summary line; not part of the JSON.
    private let kind: SourceNote.Kind

    enum CodingKeys: String, CodingKey { case directories, notes }

    /// The notes of `kind` among `notes`.
    init(directories: [String], kind: SourceNote.Kind, notes: [SourceNote]) {
        self.directories = directories
        self.kind = kind
        self.notes = notes.filter { $0.kind == kind }.map {
            Note(kind: $0.kind.rawValue, file: $0.location.file, line: $0.location.line, value: $0.value, text: $0.text)
        }
    }

    /// `calendars/2019.yaml:29: time: 12:00-13:00` and the note's words below it.
    var text: String {
        var out = ""
        for note in notes {
            out += "\(note.file):\(note.line): \(note.value.isEmpty ? "(the note's own line)" : note.value)\n"
            out += "    \(note.kind): \(note.text)\n"
        }
        out +=
            "\(notes.count) \(kind.rawValue)\(notes.count == 1 ? "" : "s") in \(directories.joined(separator: ", "))\n"
        return out
    }
}
