import KalendariumCore

/// A `Content-Type` or `Content-Disposition` value: the lower-cased main value
/// (`text/calendar`, `attachment`) and its parameters by lower-cased name, quoted
/// strings unquoted (RFC 2045 §5.1) and RFC 2231 values put together and decoded
/// (`filename*0*=UTF-8''M%C3%B6te; filename*1=.ics`). Comments are not read.
struct ContentHeader: Hashable, Sendable {
    let value: String
    let parameters: [String: String]

    init(_ text: String) {
        let bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count, bytes[i] != 59 { i += 1 }
        value = String(decoding: bytes[..<i], as: UTF8.self).trimmingWhitespace.lowercased()
        var plain: [String: String] = [:]
        var sections: [String: [(number: Int, extended: Bool, value: String)]] = [:]
        while i < bytes.count {
            while i < bytes.count, bytes[i] == 59 || bytes[i] == 32 || bytes[i] == 9 { i += 1 }
            let nameStart = i
            while i < bytes.count, bytes[i] != 61, bytes[i] != 59 { i += 1 }
            let name = String(decoding: bytes[nameStart..<i], as: UTF8.self).trimmingWhitespace.lowercased()
            guard i < bytes.count, bytes[i] == 61 else { continue }
            i += 1
            while i < bytes.count, bytes[i] == 32 || bytes[i] == 9 { i += 1 }
            var raw: [UInt8] = []
            if i < bytes.count, bytes[i] == 34 {
                i += 1
                while i < bytes.count, bytes[i] != 34 {
                    if bytes[i] == 92, i + 1 < bytes.count { i += 1 }
                    raw.append(bytes[i])
                    i += 1
                }
                i += 1
                while i < bytes.count, bytes[i] != 59 { i += 1 }
            } else {
                while i < bytes.count, bytes[i] != 59 {
                    raw.append(bytes[i])
                    i += 1
                }
            }
            let value = String(decoding: raw, as: UTF8.self)
            guard !name.isEmpty else { continue }
            if let star = name.firstIndex(of: "*") {
                let base = String(name[..<star])
                let rest = name[name.index(after: star)...]
                let extended = rest.isEmpty || rest.hasSuffix("*")
                let number = Int(rest.filter(\.isNumber)) ?? 0
                sections[base, default: []].append((number, extended, value))
            } else {
                plain[name] = plain[name] ?? value.trimmingWhitespace
            }
        }
        for (name, parts) in sections {
            plain[name] = Self.joined(parts.sorted { $0.number < $1.number })
        }
        parameters = plain
    }

    /// RFC 2231 §3–4: the sections in order; an extended one is percent-encoded, and
    /// the first extended one starts with `charset'language'`.
    private static func joined(_ parts: [(number: Int, extended: Bool, value: String)]) -> String {
        var charset: String?
        var bytes: [UInt8] = []
        for (index, part) in parts.enumerated() {
            guard part.extended else {
                bytes += Array(part.value.utf8)
                continue
            }
            var text = Substring(part.value)
            if index == 0 {
                let pieces = part.value.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
                if pieces.count == 3 {
                    charset = String(pieces[0])
                    text = pieces[2]
                }
            }
            let utf8 = Array(text.utf8)
            var i = 0
            while i < utf8.count {
                if utf8[i] == 37, i + 2 < utf8.count, let high = EncodedWords.hexDigit(utf8[i + 1]),
                    let low = EncodedWords.hexDigit(utf8[i + 2])
                {
                    bytes.append(high << 4 | low)
                    i += 3
                } else {
                    bytes.append(utf8[i])
                    i += 1
                }
            }
        }
        return Charset.decode(bytes, charset: charset.flatMap { $0.isEmpty ? nil : $0 } ?? "utf-8")
    }
}
