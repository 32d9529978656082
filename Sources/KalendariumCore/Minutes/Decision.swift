/// A decision (Beslut) of one agenda point, worded as the minutes word it ("Att …"),
/// and the outstanding items it gave rise to.
public struct Decision: Hashable, Sendable, Codable {
    public var text: String
    /// The items created from this decision (their store ids), so each item can say
    /// which meeting, point and decision it came from.
    public var items: [Int64]
    /// True for a task the minutes record in their own words without a "Beslut"
    /// ("Helene Olofsson och Anna Söderström får i uppdrag …" stays a Beslut; "Camilla
    /// Broo föreslår att Helene Olofsson …" is an assignment). Optional, so minutes
    /// stored before it read as decisions.
    public var assignment: Bool?

    public init(text: String, items: [Int64] = [], assignment: Bool? = nil) {
        self.text = text
        self.items = items
        self.assignment = assignment
    }

    public var isAssignment: Bool { assignment == true }
}
