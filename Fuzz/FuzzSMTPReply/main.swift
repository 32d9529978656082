import Foundation
import FuzzSupport
import Mail

/// libFuzzer target: the SMTP reply decoder. The first byte says where the rest is cut
/// in two, as TCP may cut it: the replies must be the same however the bytes arrive.
/// One input; libFuzzer calls it with each mutation (see `runLibFuzzer`).
@_cdecl("LLVMFuzzerTestOneInput")
func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard count > 0 else { return 0 }
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    let data = bytes.dropFirst()
    let cut = data.startIndex + Int(bytes[0]) % (data.count + 1)

    var whole = SMTPReplyDecoder()
    let all = try? whole.feed(data)
    var split = SMTPReplyDecoder()
    var pieces: [SMTPResponse]? = []
    do {
        pieces = try split.feed(data[..<cut])
        pieces! += try split.feed(data[cut...])
    } catch {
        pieces = nil
    }
    // A reply completed before the error may come out of the first piece, so compare
    // only when both readings succeeded.
    if let all, let pieces, all != pieces {
        fatalError("the replies depend on where the bytes were cut: \(all) vs \(pieces)")
    }
    for reply in all ?? [] where !(0...999).contains(reply.code) {
        fatalError("a reply code out of range: \(reply.code)")
    }
    return 0
}

runLibFuzzer(fuzz)
