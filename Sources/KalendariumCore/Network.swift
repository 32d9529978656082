/// A network of officials (Ekonomicheferna, Klimatstrateger, …). Networks have their
/// own rhythm; they appear here as guests and as hosts of Nyckeltalsdagen.
public struct Network: Hashable, Sendable, Codable {
    public let slug: String
    public let name: String
    /// Where the file defines it, for errors found across files.
    public let location: SourceLocation?

    public init(slug: String, name: String, location: SourceLocation? = nil) {
        self.location = location
        self.slug = slug
        self.name = name
    }
}
