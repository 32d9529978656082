/// A decision (Beslut) of one agenda point, worded as the minutes word it ("Att …"),
/// and the outstanding items it gave rise to.
public struct Decision: Hashable, Sendable, Codable {
    public var text: String
    /// The items created from this decision (their store ids), so each item can say
    /// which meeting, point and decision it came from.
    public var items: [Int64]

    public init(text: String, items: [Int64] = []) {
        self.text = text
        self.items = items
    }
}
