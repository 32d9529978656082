/// One year's hosts as a document records them.
public struct HostRecord: Hashable, Sendable {
    public let year: Int
    public let hosts: [String]
    public let location: SourceLocation?

    public init(year: Int, hosts: [String], location: SourceLocation? = nil) {
        self.year = year
        self.hosts = hosts
        self.location = location
    }
}
