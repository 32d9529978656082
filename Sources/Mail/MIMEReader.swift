/// Walks a received message's MIME tree (RFC 2046): multiparts split at their
/// boundaries, `message/rfc822` read as the message it holds, leaves decoded into
/// `parts`. Recursion is bounded by `InboundMessage.maximumDepth`, and every entity
/// counts against `InboundMessage.maximumParts`, so no input can make it run long or deep.
struct MIMEReader {
    private(set) var parts: [InboundPart] = []
    private var entities = 0

    /// Reads the entity (headers and body) in `bytes`; returns its header fields.
    mutating func read(_ bytes: ArraySlice<UInt8>, depth: Int = 0) throws(InboundMailError) -> [HeaderField] {
        entities += 1
        guard entities <= InboundMessage.maximumParts else {
            throw InboundMailError(
                "the message has more than \(InboundMessage.maximumParts) parts; answers have a few, so it is not read")
        }
        let (block, body) = Lines.split(bytes)
        let headers = try HeaderField.parse(block, limit: InboundMessage.maximumFields)
        let type = ContentHeader(headers.first("Content-Type") ?? "text/plain")
        let mainType = type.value.isEmpty || !type.value.contains("/") ? "text/plain" : type.value
        let encoding = headers.first("Content-Transfer-Encoding")

        if mainType.hasPrefix("multipart/"), let boundary = type.parameters["boundary"], !boundary.isEmpty {
            try deeper(depth)
            for part in Self.split(body, boundary: Array(boundary.utf8)) {
                _ = try read(part, depth: depth + 1)
            }
            return headers
        }
        if mainType == "message/rfc822" || mainType == "message/global" {
            try deeper(depth)
            // Content-Transfer-Encoding is not allowed here (RFC 2046 §5.2.1), but some send base64.
            let inner = TransferDecoding.decode(body, encoding: encoding)
            _ = try read(inner[...], depth: depth + 1)
            return headers
        }
        let disposition = headers.first("Content-Disposition").map(ContentHeader.init)
        let filename = disposition?.parameters["filename"] ?? type.parameters["name"]
        parts.append(
            InboundPart(
                contentType: mainType, parameters: type.parameters,
                disposition: disposition.flatMap { $0.value.isEmpty ? nil : $0.value },
                filename: filename.map(EncodedWords.decode), body: TransferDecoding.decode(body, encoding: encoding)))
        return headers
    }

    private func deeper(_ depth: Int) throws(InboundMailError) {
        guard depth < InboundMessage.maximumDepth else {
            throw InboundMailError(
                "the message nests parts more than \(InboundMessage.maximumDepth) deep; it is not read as mail")
        }
    }

    /// The body parts between the `--boundary` delimiter lines (RFC 2046 §5.1.1). The
    /// line break before a delimiter belongs to it; the preamble and epilogue are
    /// dropped; a message cut short ends its last part where it ends.
    static func split(_ body: ArraySlice<UInt8>, boundary: [UInt8]) -> [ArraySlice<UInt8>] {
        let dash = [45, 45] + boundary
        var parts: [ArraySlice<UInt8>] = []
        var partStart: Int?
        var at = body.startIndex
        while at < body.endIndex {
            let line = Lines.line(in: body, from: at)
            let content = body[line.content]
            if content.starts(with: dash) {
                var rest = content.dropFirst(dash.count)
                let closes = rest.starts(with: [45, 45])
                if closes { rest = rest.dropFirst(2) }
                if rest.allSatisfy({ $0 == 32 || $0 == 9 }) {
                    if let start = partStart {
                        var end = at
                        if end > start, body[end - 1] == 10 { end -= 1 }
                        if end > start, body[end - 1] == 13 { end -= 1 }
                        parts.append(body[start..<max(start, end)])
                    }
                    if closes { return parts }
                    partStart = line.next
                }
            }
            at = line.next
        }
        if let start = partStart, start < body.endIndex { parts.append(body[start...]) }
        return parts
    }
}
