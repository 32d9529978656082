/// A paper (handling) of an agenda point: a file Kalendarium keeps, or a link.
public struct Paper: Hashable, Sendable, Codable {
    public enum Source: Hashable, Sendable, Codable {
        /// Stored by Kalendarium; the bytes live in the store under the meeting and `name`.
        case file(contentType: String, size: Int, sha256: String)
        case link(url: String)
    }

    /// The file name people see and the last part of its address; safe by construction
    /// (``PaperName``).
    public let name: String
    public let source: Source

    public init(name: String, source: Source) {
        self.name = name
        self.source = source
    }
}
