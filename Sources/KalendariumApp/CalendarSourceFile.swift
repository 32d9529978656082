import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

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
                let found = status(of: path)
                files.append(
                    CalendarSourceFile(
                        name: sub.isEmpty ? name : "\(sub)/\(name)", path: path, size: found?.size ?? -1,
                        modified: found?.modified ?? 0))
            }
        }
        return files
    }

    /// Size and modification time from one `stat`, through a symbolic link to the file
    /// it names (what the loader reads). `FileManager.attributesOfItem` also looked up
    /// the owner's user and group names and the extended attributes, reading
    /// /etc/passwd and /etc/group for every file of every poll: 30 ms a poll with fifty
    /// year files, at a daemon's start on the cores the first build needs.
    private static func status(of path: String) -> (size: Int, modified: Double)? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        #if canImport(Darwin)
            let time = info.st_mtimespec
        #else
            let time = info.st_mtim
        #endif
        return (Int(info.st_size), Double(time.tv_sec) + Double(time.tv_nsec) / 1_000_000_000)
    }
}
