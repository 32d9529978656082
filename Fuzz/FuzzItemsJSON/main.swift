import CalendarFiles
import Foundation
import FuzzSupport
import KalendariumCore
import Server

/// libFuzzer target: the items API's request bodies (`POST` and `PATCH
/// /api/v1/items`), checked against the shipped calendar data as the daemon does. The
/// first byte picks the kind of body. Every body is refused with a message or
/// accepted; an accepted item, written as the API's JSON and read again, is the same
/// item (nothing is lost or changed on the way, as a newline in an owner once was).
let data: CalendarData = {
    let shipped = ProcessInfo.processInfo.environment["KALENDARIUM_FUZZ_CALENDARS"] ?? "calendars"
    let load = CalendarDirectory.load(shipped)
    guard load.isUsable else { fatalError("cannot load \(shipped); run from the repository's root") }
    return load.data
}()

let existing = Item(
    id: 1, title: "Befintligt ärende", body: "samarbetskommitten", owners: [Owner("municipality:huddinge")!])

/// One input; libFuzzer calls it with each mutation (see `runLibFuzzer`).
@_cdecl("LLVMFuzzerTestOneInput")
func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard count > 0 else { return 0 }
    let bytes = UnsafeRawBufferPointer(start: start, count: count)
    let json = Data(bytes.dropFirst())
    if bytes[0] % 2 == 0 {
        guard let item = try? ItemRequests.newItem(json: json, in: data) else { return 0 }
        let written = try! JSONEncoder().encode(ItemDocument(item))
        let again: Item
        do { again = try ItemRequests.newItem(json: written, in: data) } catch {
            fatalError(
                "an accepted item is refused when read back: \(error)\n\(String(decoding: written, as: UTF8.self))")
        }
        guard again == item else { fatalError("the item changed on the way: \(item) became \(again)") }
    } else {
        guard let patch = try? ItemRequests.patch(json: json) else { return 0 }
        _ = try? ItemRequests.change(patch, to: existing, in: data)
    }
    return 0
}

runLibFuzzer(fuzz)
