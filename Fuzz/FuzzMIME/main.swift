import Foundation
import FuzzSupport
import KalendariumCore
import Mail

/// libFuzzer target: a reminder rendered as MIME from hostile text. The input is split
/// at NUL bytes into subject, plain text, HTML, an attachment's name and bytes, and an
/// invitation's bytes (the body's last alternative). The rendered message must use
/// CRLF only, keep lines within RFC 5322's 998 octets, and have no line that starts
/// with one of its boundaries except the delimiters themselves (else text could close
/// a part and inject one).
/// One input; libFuzzer calls it with each mutation (see `runLibFuzzer`).
@_cdecl("LLVMFuzzerTestOneInput")
func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: start, count: count)
    let fields = bytes.split(separator: 0, maxSplits: 5, omittingEmptySubsequences: false)
        .map { String(decoding: $0, as: UTF8.self) }
    func field(_ i: Int) -> String? { i < fields.count ? fields[i] : nil }
    let attachments =
        fields.count > 4
        ? [MailAttachment(filename: fields[3], contentType: "text/calendar", data: Array(fields[4].utf8))] : []
    let message = MailMessage(
        from: MailAddress(name: "Kalendarium", email: "kalendarium@example.org")!,
        to: MailAddress(name: field(3), email: "kansliet@example.org")!, subject: field(0) ?? "",
        date: UTCInstant(secondsSince1970: 1_796_000_000), messageID: "fuzz@example.org", text: field(1) ?? "",
        html: field(2), attachments: attachments,
        calendar: field(5).map { CalendarAlternative(method: "REQUEST", data: Array($0.utf8)) })
    let rendered = MIME.render(message)

    let lines = rendered.utf8.split(separator: 10, omittingEmptySubsequences: false).dropLast()
    guard rendered.utf8.last == 10 || rendered.isEmpty else { fatalError("the message does not end in CRLF") }
    var boundaries: [String] = []
    for line in lines {
        guard line.last == 13, !line.dropLast().contains(13) else { fatalError("a bare CR or LF: \(rendered)") }
        guard line.count <= 999 else {  // 998 and the CR
            fatalError("a line of \(line.count - 1) octets: \(String(decoding: line.prefix(60), as: UTF8.self))")
        }
        let text = String(decoding: line.dropLast(), as: UTF8.self)
        if text.hasPrefix("Content-Type: multipart/"), let range = text.range(of: "boundary=\"") {
            boundaries.append(String(text[range.upperBound...].prefix { $0 != "\"" }))
        }
    }
    for line in lines {
        let text = String(decoding: line.dropLast(), as: UTF8.self)
        for boundary in boundaries where text.hasPrefix("--\(boundary)") {
            guard text == "--\(boundary)" || text == "--\(boundary)--" else {
                fatalError("a line starts with the boundary: \(text)")
            }
        }
    }
    return 0
}

runLibFuzzer(fuzz)
