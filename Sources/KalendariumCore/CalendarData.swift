/// Everything `calendars/` declares, checked for structure but not yet for the rules.
public struct CalendarData: Sendable {
    public var municipalities: [Municipality]
    public var bodies: [Body]
    public var networks: [Network]
    public var conferences: [Conference]
    public var meetings: [Meeting]
    public var rules: PlanningRules
    /// Years whose file holds only some of the meetings (`partial: true`): the meetings
    /// the minutes happen to name. A count of meetings says nothing about such a year.
    public var partialYears: Set<Int> = []
    /// Each body's agenda template (`agendas.yaml`); a body without one starts its
    /// agendas empty.
    public var agendaTemplates: [AgendaTemplate] = []

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

    /// Who chairs `meeting`: its own chair, else its body's chair of that year; nil for a
    /// conference or a year the data names no chair for.
    public func chair(of meeting: Meeting) -> Chairperson? {
        guard case .body(let slug) = meeting.subject else { return nil }
        return meeting.chair ?? body(slug)?.chairs(in: meeting.year)?.chair
    }

    /// Roles expected at a meeting of this subject.
    public func people(of subject: Meeting.Subject) -> Set<Role> {
        switch subject {
        case .body(let slug): body(slug)?.people ?? []
        case .conference(let slug): conference(slug)?.participants ?? []
        }
    }

    /// The members a meeting of `year` counts its quorum against: one per member municipality.
    public func memberCount(in year: Int) -> Int { municipalities.filter { $0.isMember(in: year) }.count }

    /// A meeting's minutes, started from its agenda (the latest published version, else
    /// the draft, else the template), with the year's chair and the body's usual adjuster
    /// unless `adjuster` names another, and the attendance from the answers to the
    /// kallelse (``MeetingAnswers/attendance``), for the secretary to correct.
    public func newMinutes(
        for meeting: Meeting, agenda: Agenda?, secretary: String?, adjuster: String?, answers: MeetingAnswers? = nil
    ) -> Minutes {
        let points = agenda?.latestVersion?.points ?? agenda?.accepted ?? newAgenda(for: meeting).accepted
        var adjuster = adjuster
        if adjuster == nil, case .body(let slug) = meeting.subject { adjuster = body(slug)?.minutesAdjuster }
        var minutes = Minutes.start(
            meeting: meeting.id, agenda: points, chair: chair(of: meeting)?.name, secretary: secretary,
            adjuster: adjuster)
        for person in answers?.attendance ?? [] { try? minutes.attend(person) }
        return minutes
    }

    public func agendaTemplate(of body: String) -> AgendaTemplate? { agendaTemplates.first { $0.body == body } }

    /// A new agenda for `meeting`: its body's template, or no points.
    public func newAgenda(for meeting: Meeting) -> Agenda {
        guard case .body(let slug) = meeting.subject, let template = agendaTemplate(of: slug) else {
            return Agenda(meeting: meeting.id, points: [])
        }
        return template.agenda(for: meeting.id)
    }

    /// Years that have at least one dated meeting, in order.
    public var yearsWithData: [Int] { Array(Set(meetings.map(\.year))).sorted() }
}
