/// An outstanding item (utestående ärende): something a meeting decided that someone
/// must do, followed up at the opening of every ledningsgrupp meeting.
public struct Item: Hashable, Sendable {
    public enum Status: String, CaseIterable, Sendable, Codable {
        case open
        /// "Pågår" in the minutes.
        case inProgress = "in-progress"
        case done
        case cancelled

        /// Still something to remind people of.
        public var isOpen: Bool { self == .open || self == .inProgress }
    }

    /// A dated status note: the minutes' "- Pågår", "- Utskickat via mejl den 16 november".
    public struct Note: Hashable, Sendable {
        public let date: LocalDate
        public let status: Status
        public let text: String

        public init(date: LocalDate, status: Status, text: String) {
            self.date = date
            self.status = status
            self.text = text
        }
    }

    /// Assigned by the store; nil before the item is saved.
    public var id: Int64?
    public var title: String
    public var description: String
    /// The body whose meetings follow the item up (`ledningsgruppen`).
    public var body: String
    /// The meeting it was decided at (a meeting id, `ledningsgruppen-2020-11-20`).
    public var meeting: String?
    /// The decision (Beslut) it comes from, as the minutes word it.
    public var decision: String?
    /// The agenda point of `meeting` it was decided at.
    public var point: Int?
    public var owners: [Owner]
    public var due: LocalDate?
    public var status: Status
    public var history: [Note]
    /// How the item repeats (the member fee every 15 March); nil for a one-off.
    public var recurrence: Recurrence?
    /// The id of a recurring item's first occurrence, shared by every occurrence;
    /// the store sets it when the first one is saved.
    public var series: Int64?
    /// The occurrence whose closing created this one.
    public var previous: Int64?

    public init(
        id: Int64? = nil, title: String, description: String = "", body: String, meeting: String? = nil,
        decision: String? = nil, owners: [Owner], due: LocalDate? = nil, status: Status = .open, history: [Note] = [],
        recurrence: Recurrence? = nil, series: Int64? = nil, previous: Int64? = nil, point: Int? = nil
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.body = body
        self.meeting = meeting
        self.decision = decision
        self.owners = owners
        self.due = due
        self.status = status
        self.history = history
        self.recurrence = recurrence
        self.series = series
        self.previous = previous
        self.point = point
    }

    /// Problems that make the item unusable, as messages for the person entering it.
    public func problems(in data: CalendarData) -> [String] {
        var problems: [String] = []
        if title.trimmingWhitespace.isEmpty { problems.append("title is empty") }
        if title.count > 300 { problems.append("title is longer than 300 characters") }
        if title.contains(where: { $0.isNewline }) {
            problems.append("title must be one line")
        } else if let bad = title.controlCharacter(allowingLineBreaks: false) {
            problems.append("title holds the control character \(bad.codePoint); remove it")
        }
        if let bad = description.controlCharacter(allowingLineBreaks: true) {
            problems.append("description holds the control character \(bad.codePoint); remove it")
        }
        if data.body(body) == nil {
            problems.append("unknown body \"\(body)\"" + Suggestion.hint(for: body, in: data.bodies.map(\.slug)))
        }
        if owners.isEmpty { problems.append("an item needs at least one owner") }
        for owner in owners {
            if let problem = owner.problem(in: data) { problems.append(problem) }
        }
        if let meeting, !data.meetings.contains(where: { $0.id == meeting }) {
            problems.append(
                "unknown meeting \"\(meeting)\""
                    + Suggestion.hint(for: meeting, in: data.meetings.map(\.id)))
        }
        if let problem = recurrenceProblem { problems.append(problem) }
        return problems
    }

    /// Why the recurrence and the due date do not fit together; nil when they do.
    public var recurrenceProblem: String? {
        guard let recurrence else { return nil }
        guard let due else { return "a recurring item needs a due date: the first occurrence's" }
        guard recurrence.includes(due) else {
            return
                "due \(due) is not a day of the recurrence \"\(recurrence)\"; the next one is \(recurrence.next(after: due))"
        }
        return nil
    }
}
