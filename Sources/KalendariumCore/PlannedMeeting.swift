public struct PlannedMeeting: Hashable, Sendable {
    public let meeting: Meeting
    /// Why this date (and place), for a comment above the meeting.
    public let reason: PlanReason
    /// Already in the data; the planner kept it as it is.
    public let isFixed: Bool
    /// What belongs in the proposed meeting's note (the meeting's own `note` is nil then).
    public let note: PlanNote?

    public init(meeting: Meeting, reason: PlanReason, isFixed: Bool, note: PlanNote? = nil) {
        self.meeting = meeting
        self.reason = reason
        self.isFixed = isFixed
        self.note = note
    }
}
