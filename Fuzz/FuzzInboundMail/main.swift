import Feeds
import Foundation
import FuzzSupport
import Mail

/// libFuzzer target: a message as the inbox reads it from the organizer's maildir (a
/// stranger's bytes), then each calendar part as a REPLY. Nothing may crash or hang,
/// and the bounds must hold: no more parts than `maximumParts`, and a reply's
/// addresses lower-cased without `mailto:`.
/// One input; libFuzzer calls it with each mutation (see `runLibFuzzer`).
@_cdecl("LLVMFuzzerTestOneInput")
func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: start, count: count))
    guard let message = try? InboundMessage(parsing: bytes) else { return 0 }
    guard message.parts.count <= InboundMessage.maximumParts else {
        fatalError("\(message.parts.count) parts, more than \(InboundMessage.maximumParts)")
    }
    _ = (message.subject, message.from, message.messageID)
    for part in message.calendarParts {
        guard let reply = try? CalendarReply.parse(part.text, sender: message.from?.email) else { continue }
        for address in [reply.attendee] + reply.delegatedTo + (reply.organizer.map { [$0] } ?? []) {
            guard address == address.lowercased(), !address.hasPrefix("mailto:") else {
                fatalError("an address kept its case or scheme: \(address)")
            }
        }
        _ = reply.meetingID(in: FeedSettings())
    }
    return 0
}

runLibFuzzer(fuzz)
