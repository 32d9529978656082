import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A temporary directory of stand-in programs: shell scripts a test writes, so a
/// transport runs a real child process that behaves as the test needs.
struct StandInPrograms {
    let directory: String

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("sendmail-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    /// Writes `script` (run by /bin/sh) as the executable `name`; returns its path.
    func program(_ name: String, _ script: String) throws -> String {
        let path = "\(directory)/\(name)"
        try Data("#!/bin/sh\n\(script)\n".utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return path
    }

    /// The process ids a script wrote to `file` in the directory (`echo $$ $! > file`).
    func processIDs(in file: String) throws -> [pid_t] {
        try String(contentsOfFile: "\(directory)/\(file)", encoding: .utf8).split(whereSeparator: \.isWhitespace)
            .compactMap { pid_t($0) }
    }

    func remove() { try? FileManager.default.removeItem(atPath: directory) }

    /// Whether process `pid` still runs. A zombie does not: nobody may reap an orphan in
    /// a container, and a zombie holds no pipe.
    static func isRunning(_ pid: pid_t) -> Bool {
        if let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let name = stat.lastIndex(of: ")")
        {
            // "pid (name) state …"
            return stat[name...].dropFirst(2).first != "Z"
        }
        return FileManager.default.fileExists(atPath: "/proc") ? false : kill(pid, 0) == 0
    }
}
