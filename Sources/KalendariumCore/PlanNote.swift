/// What the planner knows about a proposed meeting that belongs in its `note:`, as a
/// fact; the year file gets it in Swedish from the presentation target.
public enum PlanNote: Hashable, Sendable {
    /// A planning conference, lunch to lunch when it spans two days or more.
    case planningConference(lunchToLunch: Bool)
    /// The network (by slug) that arranges the conference decides its date.
    case networkDecides(network: String)
    /// The conference's hosts (by slug), when there are more than one.
    case hosts([String])
}
