/// Reads RFC 2047 encoded words (`=?UTF-8?B?w4RyZW5kZQ==?=`, `=?iso-8859-1?Q?M=F6te?=`)
/// in a received header; `MIME.encodedWords` writes them. Whitespace between two encoded
/// words is dropped (§6.2), and the bytes of adjacent words in one charset are joined
/// before decoding, since senders split a UTF-8 character across two words. What is
/// not a well-formed word stays as written.
enum EncodedWords {
    static func decode(_ text: String) -> String {
        let bytes = Array(text.utf8)
        guard bytes.count > 1, bytes.indices.dropLast().contains(where: { bytes[$0] == 61 && bytes[$0 + 1] == 63 })
        else { return text }
        var out: [UInt8] = []
        var space: [UInt8] = []  // whitespace seen since the last word or character
        var pending: (charset: String, bytes: [UInt8])?
        var lastWasWord = false
        func flush() {
            if let p = pending { out += Array(Charset.decode(p.bytes, charset: p.charset).utf8) }
            pending = nil
        }
        var i = 0
        while i < bytes.count {
            if bytes[i] == 61, i + 1 < bytes.count, bytes[i + 1] == 63, let word = word(bytes, at: i) {
                if !lastWasWord { out += space }
                space = []
                if let p = pending, p.charset != word.charset { flush() }
                if pending == nil { pending = (word.charset, []) }
                pending?.bytes += word.bytes  // in place: a header of many words stays linear
                lastWasWord = true
                i = word.end
                continue
            }
            if bytes[i] == 32 || bytes[i] == 9 {
                space.append(bytes[i])
                i += 1
                continue
            }
            flush()
            out += space
            space = []
            lastWasWord = false
            out.append(bytes[i])
            i += 1
        }
        flush()
        out += space
        return String(decoding: out, as: UTF8.self)
    }

    /// The word that starts at `start` (`=?charset?B|Q?text?=`), if one does.
    private static func word(_ b: [UInt8], at start: Int) -> (charset: String, bytes: [UInt8], end: Int)? {
        var i = start + 2
        let charsetStart = i
        while i < b.count, b[i] != 63, b[i] > 32, i - charsetStart < 40 { i += 1 }
        guard i < b.count, b[i] == 63, i > charsetStart, i + 2 < b.count, b[i + 2] == 63 else { return nil }
        // RFC 2231 §5 lets a language follow: `UTF-8*sv`.
        let charset = String(decoding: b[charsetStart..<i], as: UTF8.self).split(separator: "*").first.map(String.init)
        let encoding = b[i + 1] | 0x20
        guard encoding == UInt8(ascii: "b") || encoding == UInt8(ascii: "q") else { return nil }
        let textStart = i + 3
        var j = textStart
        while j + 1 < b.count, !(b[j] == 63 && b[j + 1] == 61) {
            guard b[j] > 32 else { return nil }  // no whitespace inside a word
            j += 1
        }
        guard j + 1 < b.count else { return nil }
        let encoded = b[textStart..<j]
        let decoded: [UInt8]
        if encoding == UInt8(ascii: "b") {
            decoded = Base64.decode(encoded)
        } else {
            decoded = q(encoded)
        }
        return (charset ?? "utf-8", decoded, j + 2)
    }

    /// The Q encoding (§4.2): `_` is a space, `=XX` a byte.
    private static func q(_ text: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        var i = text.startIndex
        while i < text.endIndex {
            let byte = text[i]
            if byte == 61, i + 2 < text.endIndex, let high = hexDigit(text[i + 1]), let low = hexDigit(text[i + 2]) {
                out.append(high << 4 | low)
                i += 3
                continue
            }
            out.append(byte == 95 ? 32 : byte)
            i += 1
        }
        return out
    }

    static func hexDigit(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}
