/// The secretariat's habits when it proposes next year's kalendarium.
public struct PlannerRules: Hashable, Sendable {
    /// When the school holiday around Easter (påsklov) falls, relative to Easter Sunday.
    public enum EasterBreak: String, CaseIterable, Sendable {
        /// The working week after Easter Sunday.
        case afterEaster = "after-easter"
        /// The working week before Good Friday.
        case beforeEaster = "before-easter"
        case none
    }

    /// A planning conference: in which month, over how many days (2 = lunch to lunch).
    public struct PlanningConference: Hashable, Sendable {
        public var month: Int
        public var days: Int

        public init(month: Int, days: Int) {
            self.month = month
            self.days = days
        }
    }

    /// ISO weeks of the winter sports holiday (sportlov); Stockholm county: week 9.
    public var sportlovWeeks: [Int]
    public var easterBreak: EasterBreak
    /// Avoid klämdagar, the working days between a holiday and a weekend.
    public var avoidBridgeDays: Bool
    /// Planning conferences by body slug (samarbetskommittén in January, ledningsgruppen in early September).
    public var planningConferences: [String: PlanningConference]
    /// The order in which the municipalities host the committee's meetings.
    public var committeeHostOrder: [String]
    /// Where each slug of `committeeHostOrder` and `planningConferences` is written,
    /// for errors found across files.
    public var locations: [String: SourceLocation] = [:]
    /// The weekday conferences are held on (Rådslag 2019 and Södertörnskonferensen 2019: Wednesdays).
    public var conferenceWeekday: Weekday

    public init(
        sportlovWeeks: [Int] = [9], easterBreak: EasterBreak = .afterEaster, avoidBridgeDays: Bool = true,
        planningConferences: [String: PlanningConference] = [
            "samarbetskommitten": PlanningConference(month: 1, days: 2),
            "ledningsgruppen": PlanningConference(month: 9, days: 2),
        ],
        committeeHostOrder: [String] = [], conferenceWeekday: Weekday = .wednesday
    ) {
        self.sportlovWeeks = sportlovWeeks
        self.easterBreak = easterBreak
        self.avoidBridgeDays = avoidBridgeDays
        self.planningConferences = planningConferences
        self.committeeHostOrder = committeeHostOrder
        self.conferenceWeekday = conferenceWeekday
    }
}
