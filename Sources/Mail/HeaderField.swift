import KalendariumCore

/// One header field of a received message or part, unfolded (RFC 5322 §2.2.3): the
/// line breaks of folding are gone, encoded words are not yet decoded.
public struct HeaderField: Hashable, Sendable {
    /// As written (`Content-Type`, `content-type`): compare without case.
    public let name: String
    public let value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }

    /// The fields of a header block (everything before the first empty line). Raw 8-bit
    /// bytes (RFC 6532 allows UTF-8) are read as UTF-8, or as Windows-1252 when they are
    /// not UTF-8; a line without a colon that continues nothing is skipped.
    static func parse(_ block: ArraySlice<UInt8>, limit: Int) throws(InboundMailError) -> [HeaderField] {
        var fields: [(name: String, value: [UInt8])] = []
        var at = block.startIndex
        while at < block.endIndex {
            let line = Lines.line(in: block, from: at)
            at = line.next
            let bytes = block[line.content]
            guard let first = bytes.first else { continue }
            if first == 32 || first == 9 {
                // A folded line continues the field before it; folding removes only the line break.
                if !fields.isEmpty { fields[fields.count - 1].value += bytes }
                continue
            }
            guard let colon = bytes.firstIndex(of: 58) else { continue }
            guard fields.count < limit else {
                throw InboundMailError("a part has more than \(limit) header fields; it is not read as mail")
            }
            let name = String(decoding: bytes[..<colon], as: UTF8.self).trimmingWhitespace
            fields.append((name, Array(bytes[(colon + 1)...])))
        }
        return fields.map {
            HeaderField(name: $0.name, value: Charset.decode($0.value, charset: nil).trimmingWhitespace)
        }
    }
}

extension [HeaderField] {
    /// The value of the first field called `name`, whatever its case.
    func first(_ name: String) -> String? {
        let wanted = name.lowercased()
        return first { $0.name.lowercased() == wanted }?.value
    }
}
