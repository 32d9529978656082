/// Rules that are not a body's own: when nobody meets, how ledningsgruppen prepares.
public struct PlanningRules: Hashable, Sendable {
    public var nonMeetingPeriods: [NonMeetingPeriod]
    /// When a committee meeting counts as prepared by a ledningsgrupp meeting.
    public var preparation: PreparationRule
    /// What `kalendarium plan` follows beyond the rules `check` enforces.
    public var planner: PlannerRules
    /// When reminders and agenda notices go out.
    public var reminders: ReminderRules = ReminderRules()

    public init(
        nonMeetingPeriods: [NonMeetingPeriod] = NonMeetingPeriod.defaults,
        preparation: PreparationRule = .betweenMeetings, planner: PlannerRules = PlannerRules()
    ) {
        self.nonMeetingPeriods = nonMeetingPeriods
        self.preparation = preparation
        self.planner = planner
    }
}
