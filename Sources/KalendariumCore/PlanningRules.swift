/// Rules that are not a body's own: when nobody meets, how far ahead ledningsgruppen prepares.
public struct PlanningRules: Hashable, Sendable {
    public var nonMeetingPeriods: [NonMeetingPeriod]
    /// A committee meeting should have a ledningsgrupp meeting 1…`preparationWindowDays` days before it.
    public var preparationWindowDays: Int
    /// What `kalendarium plan` follows beyond the rules `check` enforces.
    public var planner: PlannerRules
    /// When reminders and agenda notices go out.
    public var reminders: ReminderRules = ReminderRules()

    public init(
        nonMeetingPeriods: [NonMeetingPeriod] = NonMeetingPeriod.defaults, preparationWindowDays: Int = 21,
        planner: PlannerRules = PlannerRules()
    ) {
        self.nonMeetingPeriods = nonMeetingPeriods
        self.preparationWindowDays = preparationWindowDays
        self.planner = planner
    }
}
