import KalendariumCore
import Yams

/// A node of a YAML file with typed, located accessors.
struct YAMLValue {
    let node: Node
    let file: String

    var location: SourceLocation {
        let mark = node.mark
        return SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    func fail(_ message: String, rule: DiagnosticRule = .schema) -> FileError {
        FileError(.error(rule, message, at: location))
    }

    /// The scalar text, or an error naming what was expected.
    func scalar(_ what: String) throws(FileError) -> String {
        guard case .scalar(let scalar) = node else { throw fail("expected \(what), found \(kind)") }
        return scalar.string
    }

    /// Text without control characters (a NUL would cut the feeds' LOCATION short):
    /// line breaks and tabs only where a YAML block scalar gives them.
    func string(_ what: String = "text") throws(FileError) -> String {
        let text = try scalar(what).trimmingWhitespace
        guard !text.isEmpty else { throw fail("expected \(what), found nothing") }
        if let bad = text.controlCharacter(allowingLineBreaks: true) {
            throw fail("\(what) holds the control character \(bad.codePoint); remove it")
        }
        return text
    }

    func int(_ what: String, in range: ClosedRange<Int>) throws(FileError) -> Int {
        let text = try scalar(what)
        guard let value = Int(text), range.contains(value) else {
            throw fail("expected \(what) (\(range.lowerBound)–\(range.upperBound)), found \"\(text)\"")
        }
        return value
    }

    func bool(_ what: String) throws(FileError) -> Bool {
        switch try scalar(what).lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        case let other: throw fail("expected true or false for \(what), found \"\(other)\"")
        }
    }

    func date() throws(FileError) -> LocalDate {
        let text = try scalar("a date (YYYY-MM-DD)")
        guard let date = LocalDate(iso: text) else {
            if text.split(separator: "-").count == 3 { throw fail("\"\(text)\" is not a day in the calendar") }
            throw fail("expected a date as YYYY-MM-DD, found \"\(text)\"")
        }
        // One range for every date, checked here once: beyond it libical refuses the
        // feeds (year 10000) and the checks would warn for every day up to it.
        let years = DirectoryListing.years
        guard years.contains(date.year) else {
            throw fail("\(text) is outside the years a calendar holds (\(years.lowerBound)–\(years.upperBound))")
        }
        return date
    }

    /// `HH:MM-HH:MM`, the form the kalendarium prints.
    func timeRange() throws(FileError) -> (LocalTime, LocalTime) {
        let text = try scalar("a time range (HH:MM-HH:MM)")
        let parts = text.replacingDashes.split(separator: "-").map { $0.trimmingWhitespace }
        guard parts.count == 2, let start = LocalTime(text: parts[0]), let end = LocalTime(text: parts[1]) else {
            throw fail("expected a time range as HH:MM-HH:MM, found \"\(text)\"")
        }
        return (start, end)
    }

    /// One of the named values, with a hint when it is close to one.
    func oneOf<T: RawRepresentable & CaseIterable>(_ type: T.Type, _ what: String) throws(FileError) -> T
    where T.RawValue == String {
        let text = try scalar(what)
        if let value = T(rawValue: text.lowercased()) { return value }
        let names = T.allCases.map(\.rawValue)
        throw fail(
            "unknown \(what) \"\(text)\"\(Suggestion.hint(for: text, in: names)); use one of \(names.joined(separator: ", "))"
        )
    }

    func list(_ what: String) throws(FileError) -> [YAMLValue] {
        switch node {
        case .sequence(let sequence): return sequence.map { YAMLValue(node: $0, file: file) }
        case .scalar: return [self]  // a single value where a list is allowed
        default: throw fail("expected a list of \(what), found \(kind)")
        }
    }

    /// The entries of a mapping, in file order, with keys checked against `allowed`.
    func fields(_ what: String, allowed: [String]) throws(FileError) -> Fields {
        guard let mapping = node.mapping else { throw fail("expected \(what) as key: value lines, found \(kind)") }
        var values: [String: YAMLValue] = [:]
        for (key, value) in mapping {
            let keyValue = YAMLValue(node: key, file: file)
            let name = try keyValue.scalar("a key")
            guard allowed.contains(name) else {
                throw keyValue.fail(
                    "unknown key \"\(name)\" in \(what)\(Suggestion.hint(for: name, in: allowed)); "
                        + "allowed: \(allowed.joined(separator: ", "))")
            }
            values[name] = YAMLValue(node: value, file: file)
        }
        return Fields(owner: self, what: what, values: values)
    }

    /// The pairs of a mapping whose keys are data (years in a host history).
    func pairs(_ what: String) throws(FileError) -> [(YAMLValue, YAMLValue)] {
        guard let mapping = node.mapping else { throw fail("expected \(what) as key: value lines, found \(kind)") }
        return mapping.map { (YAMLValue(node: $0.key, file: file), YAMLValue(node: $0.value, file: file)) }
    }

    var isMapping: Bool { node.mapping != nil }

    /// The keys present at the top of a file (each file reader picks the lists it knows).
    var topLevelKeys: [String] { node.mapping?.compactMap { $0.key.string } ?? [] }

    var isNull: Bool {
        if case .scalar(let s) = node { return s.string.isEmpty || s.string == "~" || s.string == "null" }
        return false
    }

    private var kind: String {
        switch node {
        case .scalar(let s): "\"\(s.string)\""
        case .mapping: "key: value lines"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }
}
