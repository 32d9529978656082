import CalendarFiles
import Foundation
import FuzzSupport
import KalendariumCore

/// libFuzzer target: the calendar loader, as `check` and `serve` run it, on a copy of
/// the shipped `calendars/` with one file replaced by the input. The first byte picks
/// the file (a definition file, the one year file, a new year file, or a file the
/// loader must report as unknown); the rest is its text. Nothing may crash or hang, and every problem must be
/// a located diagnostic in the right file.
let files = [
    "municipalities.yaml", "bodies.yaml", "conferences.yaml", "rules.yaml", "2020.yaml", "recipients.yaml",
    "2021.yaml", "notes.yaml",
]

/// A private copy of the shipped directory (`KALENDARIUM_FUZZ_CALENDARS`, else `calendars`).
let directory: String = {
    let shipped = ProcessInfo.processInfo.environment["KALENDARIUM_FUZZ_CALENDARS"] ?? "calendars"
    let copy = NSTemporaryDirectory() + "fuzz-calendars-\(getpid())"
    try? FileManager.default.removeItem(atPath: copy)
    do { try FileManager.default.copyItem(atPath: shipped, toPath: copy) } catch {
        fatalError("cannot copy \(shipped) to \(copy): \(error); run from the repository's root")
    }
    // One year file is enough to check meetings against the rules, and external
    // calendars have a target of their own: fewer files, more executions a second.
    for name in (try? FileManager.default.contentsOfDirectory(atPath: copy)) ?? []
    where name == "external" || (name.hasSuffix(".yaml") && name.first!.isNumber && name != "2020.yaml") {
        try? FileManager.default.removeItem(atPath: "\(copy)/\(name)")
    }
    return copy
}()

/// One input; libFuzzer calls it with each mutation (see `runLibFuzzer`).
@_cdecl("LLVMFuzzerTestOneInput")
func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard count > 0 else { return 0 }
    let bytes = UnsafeRawBufferPointer(start: start, count: count)
    let name = files[Int(bytes[0]) % files.count]
    let path = "\(directory)/\(name)"
    let original = FileManager.default.contents(atPath: path)
    FileManager.default.createFile(atPath: path, contents: Data(bytes.dropFirst()))
    defer {
        if let original {
            FileManager.default.createFile(atPath: path, contents: original)
        } else {
            try? FileManager.default.removeItem(atPath: path)
        }
    }
    let load = CalendarDirectory.load(directory)
    for error in load.errors where error.location == nil {
        fatalError("an error without a location: \(error.description)")
    }
    return 0
}

runLibFuzzer(fuzz)
