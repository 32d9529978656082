public import KalendariumCore

/// Edits of a hand-written year file that keep everything a person wrote: an extra
/// meeting is appended as one list item; a change to a meeting replaces, adds or
/// removes single `key: value` lines inside that meeting's list item only, so its
/// comments, its other keys and the rest of the file stay as they were.
public enum YearFileEdit {
    /// `text` with `meeting` appended to the `meetings:` list, after a comment.
    public static func appending(_ meeting: Meeting, data: CalendarData, to text: String, comment: String) -> String {
        var text = text.isEmpty ? "meetings:\n" : text
        if !text.hasSuffix("\n") { text += "\n" }
        text += "\n  # \(comment)\n"
        text += MeetingYAML.entry(meeting, data: data)
        return text
    }

    /// `text` with the meeting item that starts on `line` (1-based, as
    /// ``SourceLocation`` gives it) changed: each key set to its value, or removed
    /// when the value is nil. Values are written as YAML scalars, quoted when needed.
    public static func setting(
        _ keys: [(key: String, value: String?)], inItemAt line: Int, of text: String
    ) -> Result<String, CalendarEditError> {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard line >= 1, line <= lines.count else {
            return .failure(
                CalendarEditError("the meeting is not where the data says (line \(line)); reload and try again"))
        }
        let first = lines[line - 1]
        guard let dash = first.firstIndex(where: { $0 != " " }), first[dash...].hasPrefix("- ") else {
            return .failure(CalendarEditError("line \(line) does not start a meeting; reload and try again"))
        }
        let indent = first.distance(from: first.startIndex, to: dash) + 2
        // The item's lines: up to the next line indented less than its keys.
        var end = line
        while end < lines.count {
            let next = lines[end]
            let leading = next.prefix { $0 == " " }.count
            if !next.trimmingWhitespace.isEmpty && leading < indent { break }
            end += 1
        }
        func keyLine(_ key: String) -> Int? {
            (line - 1..<end).first { index in
                let text = index == line - 1 ? String(first.dropFirst(indent)) : lines[index]
                let content = index == line - 1 ? text : String(text.dropFirst(indent))
                let leading = index == line - 1 ? indent : text.prefix { $0 == " " }.count
                return leading == indent && content.hasPrefix(key + ":")
            }
        }
        for (key, value) in keys {
            let written = value.map { "\(key): \(scalar($0))" }
            if let found = keyLine(key) {
                if found == line - 1 {
                    // The item's first key keeps its dash; it is never removed.
                    if let written { lines[found] = String(repeating: " ", count: indent - 2) + "- " + written }
                } else if let written {
                    lines[found] = String(repeating: " ", count: indent) + written
                } else {
                    lines.remove(at: found)
                    end -= 1
                }
            } else if let written {
                // After the item's last line that holds something.
                var last = end - 1
                while last > line - 1, lines[last].trimmingWhitespace.isEmpty { last -= 1 }
                lines.insert(String(repeating: " ", count: indent) + written, at: last + 1)
                end += 1
            }
        }
        return .success(lines.joined(separator: "\n"))
    }

    /// `text` with `entry` (its lines, the first one the list item's `- key: value`)
    /// appended to the list under `key` of the item that starts on `line`; the key is
    /// added at the item's end if it has none.
    public static func appending(
        _ entry: [String], toList key: String, inItemAt line: Int, of text: String
    ) -> Result<String, CalendarEditError> {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard line >= 1, line <= lines.count,
            let dash = lines[line - 1].firstIndex(where: { $0 != " " }), lines[line - 1][dash...].hasPrefix("- ")
        else {
            return .failure(CalendarEditError("line \(line) does not start an entry; reload and try again"))
        }
        let indent = lines[line - 1].distance(from: lines[line - 1].startIndex, to: dash) + 2
        var end = line
        while end < lines.count {
            let leading = lines[end].prefix { $0 == " " }.count
            if !lines[end].trimmingWhitespace.isEmpty && leading < indent { break }
            end += 1
        }
        let pad = String(repeating: " ", count: indent)
        let written = entry.map { pad + "  " + $0 }
        if let keyLine = (line..<end).first(where: {
            lines[$0] == pad + key + ":" || lines[$0].hasPrefix(pad + key + ": ")
        }) {
            guard lines[keyLine] == pad + key + ":" else {
                return .failure(
                    CalendarEditError("\(key) is written on one line; write it as a list to add to it here"))
            }
            // The list ends at the next line indented no deeper than the key.
            var last = keyLine
            var index = keyLine + 1
            while index < end {
                let leading = lines[index].prefix { $0 == " " }.count
                if !lines[index].trimmingWhitespace.isEmpty {
                    if leading <= indent { break }
                    last = index
                }
                index += 1
            }
            lines.insert(contentsOf: written, at: last + 1)
        } else {
            var last = end - 1
            while last > line - 1, lines[last].trimmingWhitespace.isEmpty { last -= 1 }
            lines.insert(contentsOf: [pad + key + ":"] + written, at: last + 1)
        }
        return .success(lines.joined(separator: "\n"))
    }

    /// An override of the host rotation as a `conferences.yaml` list entry.
    public static func overrideEntry(_ change: RotationOverride.Change, note: String) -> [String] {
        var lines: [String]
        switch change {
        case .swap(let a, let b): lines = ["- swap: [\(a), \(b)]"]
        case .cancelled(let year): lines = ["- year: \(year)", "  cancelled: true"]
        case .digital(let year): lines = ["- year: \(year)", "  digital: true"]
        case .hosts(let year, let hosts): lines = ["- year: \(year)", "  hosts: [\(hosts.joined(separator: ", "))]"]
        case .moved(let year, let move):
            lines = ["- year: \(year)", "  moved-to: {year: \(move.year), season: \(move.season.rawValue)}"]
        }
        return lines + ["  note: \(MeetingYAML.quoted(note))"]
    }

    /// Dates, times, slugs and words as they are; anything else double-quoted.
    static func scalar(_ value: String) -> String {
        let plain =
            !value.isEmpty
            && value.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == ":"
            }
        return plain && !["true", "false", "null", "yes", "no"].contains(value) ? value : MeetingYAML.quoted(value)
    }
}
