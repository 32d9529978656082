/// A proposed year: every meeting with the reason for its date.
public struct YearPlan: Sendable {
    public let year: Int
    public let meetings: [PlannedMeeting]
    /// Rules that gave way, each saying where. Empty when every rule holds.
    public let relaxations: [PlanRelaxation]
}
