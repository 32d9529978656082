/// Who hosts a conference one year, and why.
public struct RotationEntry: Hashable, Sendable {
    public enum Status: String, Sendable, Codable {
        case held, digital, cancelled
    }

    public let year: Int
    public let conference: String
    /// Municipality slugs, in the order the documents name them.
    public let hosts: [String]
    /// The arranging network, for conferences a network runs.
    public let network: String?
    public let status: Status
    public let reason: RotationReason
    /// When the year's event took place instead, for a conference year that moved.
    public let movedTo: ConferenceMove?
}
