/// A browser's `multipart/form-data` body (RFC 7578), as the paper upload form sends
/// it: the text fields, and at most one file per field. Bounded by the caller's body
/// limit and here by the number of parts; anything malformed is nil, and the page
/// then says the upload did not arrive whole.
struct MultipartForm: Sendable {
    struct File: Sendable {
        /// The name the browser gave (only its last path component; sanitised later).
        let filename: String
        let bytes: [UInt8]
    }

    let fields: [(String, String)]
    let files: [String: File]

    static let maximumParts = 20

    /// The boundary of a `Content-Type: multipart/form-data; boundary=…`.
    static func boundary(_ contentType: String?) -> String? {
        guard let contentType, contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingWhitespaceAndQuotes }
            if pair.count == 2, pair[0].lowercased() == "boundary", !pair[1].isEmpty, pair[1].utf8.count <= 70 {
                return pair[1]
            }
        }
        return nil
    }

    init?(_ body: [UInt8], boundary: String) {
        let delimiter = Array(("--" + boundary).utf8)
        var fields: [(String, String)] = []
        var files: [String: File] = [:]
        var positions: [Int] = []
        var index = 0
        while let found = Self.find(delimiter, in: body, from: index) {
            positions.append(found)
            index = found + delimiter.count
            if positions.count > Self.maximumParts + 1 { return nil }
        }
        guard positions.count >= 2 else { return nil }
        for (start, end) in zip(positions, positions.dropFirst()) {
            // A part: CRLF after the delimiter, headers, a blank line, content, CRLF before the next.
            var from = start + delimiter.count
            guard body.count >= from + 2, body[from] == 13, body[from + 1] == 10 else { return nil }
            from += 2
            guard let blank = Self.find([13, 10, 13, 10], in: body, from: from), blank < end else { return nil }
            let headers = String(decoding: body[from..<blank], as: UTF8.self)
            let contentEnd = end - 2
            guard contentEnd >= blank + 4, body[contentEnd] == 13, body[contentEnd + 1] == 10 else { return nil }
            let content = Array(body[(blank + 4)..<contentEnd])
            guard
                let disposition = headers.split(separator: "\r\n").first(where: {
                    $0.lowercased().hasPrefix("content-disposition:")
                })
            else { return nil }
            let parameters = Self.parameters(String(disposition))
            guard let name = parameters["name"] else { return nil }
            if let filename = parameters["filename"] {
                let last = filename.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
                if !last.isEmpty || !content.isEmpty { files[name] = File(filename: last, bytes: content) }
            } else {
                fields.append((name, String(decoding: content, as: UTF8.self)))
            }
        }
        self.fields = fields
        self.files = files
    }

    static func parameters(_ header: String) -> [String: String] {
        var result: [String: String] = [:]
        for piece in header.split(separator: ";").dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1).map { $0.trimmingWhitespaceAndQuotes }
            if pair.count == 2 { result[pair[0].lowercased()] = pair[1] }
        }
        return result
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, from <= haystack.count - needle.count else {
            return nil
        }
        var i = from
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == needle[0], haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}

extension Substring {
    fileprivate var trimmingWhitespaceAndQuotes: String {
        var text = self.drop { $0 == " " || $0 == "\t" }
        while text.last == " " || text.last == "\t" { text = text.dropLast() }
        if text.count >= 2, text.first == "\"", text.last == "\"" { text = text.dropFirst().dropLast() }
        return String(text)
    }
}
