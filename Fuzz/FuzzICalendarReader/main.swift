import Foundation
import FuzzSupport
import ICalendar

/// libFuzzer target: an external calendar (`calendars/external/*.ics`) through libical,
/// as the loader reads it. Nothing may crash, hang or grow without bound: recurrences
/// are expanded within fixed limits however the file is written.
/// One input; libFuzzer calls it with each mutation (see `runLibFuzzer`).
@_cdecl("LLVMFuzzerTestOneInput")
func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    _ = try? ICalendarReader.events(text)
    return 0
}

runLibFuzzer(fuzz)
