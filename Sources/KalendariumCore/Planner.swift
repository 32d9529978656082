/// Proposes a year's kalendarium from the rules: each body's usual day, time and
/// minimum number of meetings, spread over the year around holidays, bridge days,
/// school breaks, non-meeting periods, other calendars' events and meetings already
/// fixed; each committee meeting prepared by ledningsgruppen one to three weeks
/// before; planning conferences; conferences on the rotation's hosts.
///
/// The same inputs give the same plan. When the rules cannot all be met, the plan
/// says which rule gave way and where.
public enum Planner {
    public static func plan(year: Int, data: CalendarData, externalEvents: [ExternalEvent] = []) -> YearPlan {
        var state = PlanState(year: year, data: data, externalEvents: externalEvents)
        state.planPlanningConferences()
        state.planConferences()
        state.planCommitteeAndPreparation()
        state.topUpMinimums()
        state.assignCommitteeHosts()
        return YearPlan(year: year, meetings: state.result(), relaxations: state.relaxations)
    }
}
