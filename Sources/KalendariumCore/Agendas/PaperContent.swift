/// Which files may be papers, and their content type: the kinds a secretariat sends
/// (PDF, Office and OpenDocument files, text, images), each checked by its first bytes
/// as well as its name, so a renamed executable is not served as a PDF.
public enum PaperContent {
    /// 20 MiB: a large scanned PDF; bigger belongs on a file share, as a link.
    public static let maximumBytes = 20 * 1024 * 1024

    enum Signature {
        case pdf, zip, png, jpeg, text
    }

    static let types: [String: (contentType: String, signature: Signature)] = [
        "pdf": ("application/pdf", .pdf),
        "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", .zip),
        "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", .zip),
        "pptx": ("application/vnd.openxmlformats-officedocument.presentationml.presentation", .zip),
        "odt": ("application/vnd.oasis.opendocument.text", .zip),
        "ods": ("application/vnd.oasis.opendocument.spreadsheet", .zip),
        "odp": ("application/vnd.oasis.opendocument.presentation", .zip),
        "png": ("image/png", .png),
        "jpg": ("image/jpeg", .jpeg),
        "jpeg": ("image/jpeg", .jpeg),
        "txt": ("text/plain; charset=utf-8", .text),
        "csv": ("text/csv; charset=utf-8", .text),
    ]

    public static var allowedExtensions: [String] { types.keys.sorted() }

    /// The content type of a paper named `name` holding `bytes`, or why it cannot be one.
    public static func contentType(name: String, bytes: [UInt8]) throws(AgendaError) -> String {
        guard bytes.count <= maximumBytes else {
            throw AgendaError(
                .invalid,
                "\(name) is \(bytes.count / (1024 * 1024)) MiB; a paper may be at most \(maximumBytes / (1024 * 1024)) MiB (attach a link instead)"
            )
        }
        guard !bytes.isEmpty else { throw AgendaError(.invalid, "\(name) is empty") }
        let ext = name.split(separator: ".").count > 1 ? String(name.split(separator: ".").last!).lowercased() : ""
        guard let type = types[ext] else {
            throw AgendaError(
                .invalid,
                "\(name): papers may be \(allowedExtensions.joined(separator: ", ")); convert it or attach a link")
        }
        guard matches(type.signature, bytes) else {
            throw AgendaError(.invalid, "\(name) does not hold what its name says (.\(ext)); is it the right file?")
        }
        return type.contentType
    }

    static func matches(_ signature: Signature, _ bytes: [UInt8]) -> Bool {
        switch signature {
        case .pdf: bytes.starts(with: Array("%PDF-".utf8))
        case .zip: bytes.starts(with: [0x50, 0x4B, 0x03, 0x04])
        case .png: bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        case .jpeg: bytes.starts(with: [0xFF, 0xD8, 0xFF])
        case .text: !bytes.contains(0) && String(validating: bytes, as: UTF8.self) != nil
        }
    }
}
