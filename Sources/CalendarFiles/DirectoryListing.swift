import Foundation
public import KalendariumCore

/// What `calendars/` may hold, so that every file in it is either read or reported:
/// a meeting file named `plan-2027.yaml` would otherwise be left out of the feeds
/// without a word. Names starting with a dot (editor and version-control files) are
/// passed over by design.
public enum DirectoryListing {
    /// The definition files, read by name.
    static let definitionFiles: Set<String> = [
        "municipalities.yaml", "bodies.yaml", "conferences.yaml", "rules.yaml", "recipients.yaml", "agendas.yaml",
    ]
    /// Read by people, not by Kalendarium.
    static let documentation: Set<String> = ["README.md"]
    /// The years a `YYYY.yaml` file may hold.
    public static let years = 1900...2199

    /// The year a meeting file's name gives (`2027.yaml`), or nil.
    public static func year(ofFile name: String) -> Int? {
        guard name.hasSuffix(".yaml"), name.count == 9 else { return nil }
        let digits = name.prefix(4)
        guard digits.allSatisfy({ $0.isASCII && $0.isNumber }), let year = Int(digits), years.contains(year) else {
            return nil
        }
        return year
    }

    /// An error for every YAML file Kalendarium does not read, a warning for every other
    /// file or folder it does not read, in `directory` and its `external/`.
    public static func unread(in directory: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let fileManager = FileManager.default
        for name in ((try? fileManager.contentsOfDirectory(atPath: directory)) ?? []).sorted()
        where !name.hasPrefix(".") {
            let path = "\(directory)/\(name)"
            var isDirectory: ObjCBool = false
            _ = fileManager.fileExists(atPath: path, isDirectory: &isDirectory)
            if isDirectory.boolValue {
                if name == "external" {
                    diagnostics += unreadExternal(in: path)
                } else {
                    diagnostics.append(
                        notRead(path, .warning, "a folder Kalendarium does not read (only external/ is read)"))
                }
                continue
            }
            if definitionFiles.contains(name) || documentation.contains(name) || year(ofFile: name) != nil {
                continue
            }
            let lower = name.lowercased()
            if lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") {
                diagnostics.append(notRead(path, .error, yamlAdvice(name)))
            } else {
                diagnostics.append(
                    notRead(path, .warning, "a file Kalendarium does not read; move it out of calendars/"))
            }
        }
        return diagnostics
    }

    static func unreadExternal(in folder: String) -> [Diagnostic] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
            .filter { !$0.hasPrefix(".") && !$0.lowercased().hasSuffix(".ics") }
            .map {
                notRead(
                    "\(folder)/\($0)", .warning,
                    "external/ holds iCalendar files (.ics) for clash checks; this one is not read")
            }
    }

    static func yamlAdvice(_ name: String) -> String {
        let known =
            "municipalities.yaml, bodies.yaml, conferences.yaml, rules.yaml, recipients.yaml, agendas.yaml and YYYY.yaml"
        if let year = yearIn(name) {
            if !years.contains(year) {
                return
                    "not read: \(year) is outside the years a calendar holds (\(years.lowerBound)–\(years.upperBound))"
            }
            return "not read, so its meetings are in no feed: meetings of \(year) go in \(year).yaml "
                + "(calendars/ holds \(known))"
        }
        return "not read: calendars/ holds \(known); rename the file or move it out"
    }

    /// A year written in a file name (`plan-2027.yaml`, `-999.yaml`), if any.
    static func yearIn(_ name: String) -> Int? {
        var digits = ""
        var signed = false
        for character in name {
            if character.isASCII && character.isNumber {
                digits.append(character)
            } else if digits.isEmpty {
                signed = character == "-"
            } else {
                break
            }
        }
        guard !digits.isEmpty, digits.count <= 6, let value = Int(digits) else { return nil }
        return signed && name.hasPrefix("-") ? -value : value
    }

    static func notRead(_ path: String, _ severity: Diagnostic.Severity, _ message: String) -> Diagnostic {
        Diagnostic(severity, rule: .files, message, at: SourceLocation(file: path, line: 1, column: 1))
    }
}
