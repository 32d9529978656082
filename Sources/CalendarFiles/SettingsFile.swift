import Foundation
public import KalendariumCore

/// The daemon's configuration file (`--config FILE`): flat `key: value` lines, plus
/// one `key:` whose value is `name: value` lines (`private-feeds`). Read with the same
/// YAML reader as the calendar files, so it refuses what they refuse (aliases, duplicate
/// keys, control characters) and every error names its line.
public enum SettingsFile {
    /// One setting as written in the file.
    public enum Value: Sendable, Equatable {
        case text(String, SourceLocation)
        case map([String: String], SourceLocation)
    }

    /// The values of `path`; `scalars` and `maps` are the keys it may hold.
    public static func read(_ path: String, scalars: [String], maps: [String]) throws(FileError) -> [String: Value] {
        func fail(_ why: String) -> FileError {
            FileError(.error(.files, "the configuration file \(path) \(why)", at: nil))
        }
        guard FileManager.default.fileExists(atPath: path) else {
            throw fail("does not exist; create it, or name another with --config or KALENDARIUM_CONFIG")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw fail("cannot be read; give the user running kalendarium read access to it")
        }
        guard let text = String(data: data, encoding: .utf8) else { throw fail("is not UTF-8 text; save it as UTF-8") }
        let document = try YAMLDocument(file: path, text: text)
        guard let root = document.root, !root.isNull else { return [:] }
        let fields = try root.fields("the configuration file", allowed: scalars + maps)
        var values: [String: Value] = [:]
        for (key, value) in fields.values where !value.isNull {
            if maps.contains(key) {
                var map: [String: String] = [:]
                for (name, entry) in try value.pairs("\(key)") {
                    map[try name.string("a name")] = try entry.string("a value for \(try name.string("a name"))")
                }
                values[key] = .map(map, value.location)
            } else {
                values[key] = .text(try value.string("a value for \(key)"), value.location)
            }
        }
        return values
    }
}
