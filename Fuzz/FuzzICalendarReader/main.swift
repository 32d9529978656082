import Foundation
import FuzzDriver
import ICalendar

/// libFuzzer target: an external calendar (`calendars/external/*.ics`) through libical,
/// as the loader reads it. Nothing may crash, hang or grow without bound: recurrences
/// are expanded within fixed limits however the file is written.
/// One input; libFuzzer calls it with each mutation. Exported under libFuzzer's name
/// too, for when the linker picks libFuzzer's `main` over the one below.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    _ = try? ICalendarReader.events(text)
    return 0
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(
    LLVMFuzzerRunDriver(&argc, &argv) { data, count in
        guard let data else { return 0 }
        return fuzz(data, count)
    })
