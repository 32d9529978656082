/// Everything `calendars/` declares, checked for structure but not yet for the rules.
public struct CalendarData: Sendable {
    public var municipalities: [Municipality]
    public var bodies: [Body]
    public var networks: [Network]
    public var conferences: [Conference]
    public var meetings: [Meeting]
    public var rules: PlanningRules

    public init(
        municipalities: [Municipality], bodies: [Body], networks: [Network] = [], conferences: [Conference],
        meetings: [Meeting], rules: PlanningRules = PlanningRules()
    ) {
        self.municipalities = municipalities
        self.bodies = bodies
        self.networks = networks
        self.conferences = conferences
        self.meetings = meetings
        self.rules = rules
    }

    public func municipality(_ slug: String) -> Municipality? { municipalities.first { $0.slug == slug } }
    public func body(_ slug: String) -> Body? { bodies.first { $0.slug == slug } }
    public func conference(_ slug: String) -> Conference? { conferences.first { $0.slug == slug } }
    public func network(_ slug: String) -> Network? { networks.first { $0.slug == slug } }

    /// The display name of a body or conference.
    public func name(of subject: Meeting.Subject) -> String {
        switch subject {
        case .body(let slug): body(slug)?.name ?? slug
        case .conference(let slug): conference(slug)?.name ?? slug
        }
    }

    /// Roles expected at a meeting of this subject.
    public func people(of subject: Meeting.Subject) -> Set<Role> {
        switch subject {
        case .body(let slug): body(slug)?.people ?? []
        case .conference(let slug): conference(slug)?.participants ?? []
        }
    }

    /// Years that have at least one dated meeting, in order.
    public var yearsWithData: [Int] { Array(Set(meetings.map(\.year))).sorted() }
}

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

/// A yearly stretch with no meetings (July, the Christmas and New Year weeks),
/// given as month-day bounds that may wrap over New Year.
public struct NonMeetingPeriod: Hashable, Sendable {
    public let name: String
    public let from: MonthDay
    public let to: MonthDay

    public init(name: String, from: MonthDay, to: MonthDay) {
        self.name = name
        self.from = from
        self.to = to
    }

    public func contains(_ date: LocalDate) -> Bool {
        let d = MonthDay(month: date.month, day: date.day)
        return from <= to ? (from <= d && d <= to) : (d >= from || d <= to)
    }

    /// The periods used when `rules.yaml` names none.
    public static let defaults: [NonMeetingPeriod] = [
        NonMeetingPeriod(
            name: "sommaruppehåll (juli)", from: MonthDay(month: 7, day: 1), to: MonthDay(month: 7, day: 31)),
        NonMeetingPeriod(name: "jul och nyår", from: MonthDay(month: 12, day: 23), to: MonthDay(month: 1, day: 6)),
    ]
}

/// A day in any year (`12-23`).
public struct MonthDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let month: Int
    public let day: Int

    public init(month: Int, day: Int) {
        self.month = month
        self.day = day
    }

    /// Parses `MM-DD`; February 29 is allowed.
    public init?(text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2, let m = Int(parts[0]), let d = Int(parts[1]),
            LocalDate(year: 2000, month: m, day: d) != nil
        else { return nil }
        self.init(month: m, day: d)
    }

    public var description: String { "\(LocalDate.pad(month, 2))-\(LocalDate.pad(day, 2))" }

    public static func < (lhs: MonthDay, rhs: MonthDay) -> Bool { (lhs.month, lhs.day) < (rhs.month, rhs.day) }
}
