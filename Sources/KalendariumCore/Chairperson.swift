/// Someone who chairs a body or one of its meetings, as the documents name them:
/// "Meeri Wasberg, Haninge kommun". The municipality is optional because the minutes
/// sometimes give only the name ("Boel Godner … leder mötet").
public struct Chairperson: Hashable, Sendable, Codable {
    public let name: String
    /// The municipality they represent, a slug.
    public let municipality: String?

    public init(name: String, municipality: String? = nil) {
        self.name = name
        self.municipality = municipality
    }
}
