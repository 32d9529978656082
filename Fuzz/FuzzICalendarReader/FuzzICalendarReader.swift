import ICalendar

/// libFuzzer target: an external calendar (`calendars/external/*.ics`) through libical,
/// as the loader reads it. Nothing may crash, hang or grow without bound: recurrences
/// are expanded within fixed limits however the file is written.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    _ = try? ICalendarReader.events(text)
    return 0
}
