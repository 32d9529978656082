import Foundation

/// One file a calendar is read from, with what a change check needs.
struct CalendarSourceFile {
    /// The path inside `calendars/`: `2021.yaml`, `external/regionala-handelser.ics`.
    let name: String
    let path: String
    let size: Int
    /// Seconds since 1970.
    let modified: Double

    /// The `*.yaml`, `*.yml` and `*.ics` files of `directory` and its `external/`, sorted by name:
    /// what the watcher polls and what a daemon publishes to the others. It blocks (two
    /// directory listings and a `stat` per file), so callers run it on `BlockingPool`.
    static func list(in directory: String) -> [CalendarSourceFile] {
        let fm = FileManager.default
        var files: [CalendarSourceFile] = []
        for sub in ["", "external"] {
            let folder = sub.isEmpty ? directory : "\(directory)/\(sub)"
            for name in ((try? fm.contentsOfDirectory(atPath: folder)) ?? []).sorted()
            where name.hasSuffix(".yaml") || name.hasSuffix(".yml") || name.hasSuffix(".ics") {
                let path = "\(folder)/\(name)"
                let attributes = try? fm.attributesOfItem(atPath: path)
                files.append(
                    CalendarSourceFile(
                        name: sub.isEmpty ? name : "\(sub)/\(name)", path: path,
                        size: (attributes?[.size] as? NSNumber)?.intValue ?? -1,
                        modified: (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0))
            }
        }
        return files
    }
}
