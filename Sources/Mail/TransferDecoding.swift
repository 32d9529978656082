import KalendariumCore

/// Undoes a part's Content-Transfer-Encoding (RFC 2045 §6): base64 and quoted-printable;
/// 7bit, 8bit, binary and anything unknown are the bytes as they are. Lenient, as mail
/// readers are: characters outside the base64 alphabet (line breaks, stray spaces) are
/// skipped, and an `=` that starts no escape is kept as it is.
enum TransferDecoding {
    static func decode(_ bytes: ArraySlice<UInt8>, encoding: String?) -> [UInt8] {
        switch encoding?.trimmingWhitespace.lowercased() {
        case "base64": Base64.decode(bytes)
        case "quoted-printable": quotedPrintable(bytes)
        default: Array(bytes)
        }
    }

    /// RFC 2045 §6.7: `=XX` is a byte, `=` at the end of a line a soft line break, and
    /// spaces before a line break were added in transport.
    static func quotedPrintable(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end {
            let byte = bytes[i]
            if byte == UInt8(ascii: "=") {
                if let high = hex(bytes, i + 1), let low = hex(bytes, i + 2) {
                    out.append(high << 4 | low)
                    i += 3
                    continue
                }
                // A soft line break: "=", perhaps spaces, then CRLF or LF (or the end).
                var j = i + 1
                while j < end, bytes[j] == 32 || bytes[j] == 9 { j += 1 }
                if j == end {
                    i = j
                    continue
                }
                if bytes[j] == 13, j + 1 < end, bytes[j + 1] == 10 {
                    i = j + 2
                    continue
                }
                if bytes[j] == 10 {
                    i = j + 1
                    continue
                }
                out.append(byte)
                i += 1
                continue
            }
            if byte == 32 || byte == 9 {
                // Trailing whitespace before a line break is dropped.
                var j = i
                while j < end, bytes[j] == 32 || bytes[j] == 9 { j += 1 }
                if j == end || bytes[j] == 10 || (bytes[j] == 13 && j + 1 < end && bytes[j + 1] == 10) {
                    i = j
                    continue
                }
                out += bytes[i..<j]
                i = j
                continue
            }
            out.append(byte)
            i += 1
        }
        return out
    }

    private static func hex(_ bytes: ArraySlice<UInt8>, _ i: Int) -> UInt8? {
        i < bytes.endIndex ? EncodedWords.hexDigit(bytes[i]) : nil
    }
}
