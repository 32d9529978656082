/// A change the workspace makes to `calendars/`, in the terms of the data: the
/// editor (in the daemon's wiring) turns it into an edit of one file.
public enum CalendarChange: Hashable, Sendable {
    /// An extra meeting (the agreement, § 4), appended to its year's file.
    case extra(ExtraMeeting)
    /// Moves a meeting to another day or time; its identity is kept, so its agenda,
    /// answers and minutes stay with it.
    case move(meeting: String, date: LocalDate, start: LocalTime?, end: LocalTime?)
    /// Gives a meeting another place (any of the three may be empty).
    case place(meeting: String, place: Place?)
    /// Cancels a meeting, with the reason and the day it was decided.
    case cancel(meeting: String, reason: String, decided: LocalDate)
    /// A decided deviation from a conference's host rotation, with the note that says why.
    case rotation(conference: String, RotationOverride.Change, note: String)
    /// The year's plan from the rules (`kalendarium plan YEAR`) as `calendars/YEAR.yaml`.
    case adoptPlan(year: Int)
}

/// What `kalendarium extra` and the workspace's form say about an extra meeting.
public struct ExtraMeeting: Hashable, Sendable {
    public var body: String
    public var date: LocalDate
    public var start: LocalTime
    /// nil: as long as the body's usual meeting.
    public var end: LocalTime?
    public var place: Place?
    public var note: String?

    public init(
        body: String, date: LocalDate, start: LocalTime, end: LocalTime? = nil, place: Place? = nil,
        note: String? = nil
    ) {
        self.body = body
        self.date = date
        self.start = start
        self.end = end
        self.place = place
        self.note = note
    }

    /// The meeting it adds to `data`, or why it cannot.
    public func meeting(in data: CalendarData) -> Result<Meeting, CalendarEditError> {
        guard let definition = data.body(body) else {
            return .failure(
                CalendarEditError(
                    "unknown body \"\(body)\"" + Suggestion.hint(for: body, in: data.bodies.map(\.slug))))
        }
        let finish: LocalTime
        if let end {
            finish = end
        } else {
            // As long as the body's usual meeting, ending by midnight.
            let minutes = min(start.minutes + definition.end.minutes - definition.start.minutes, 23 * 60 + 59)
            finish = LocalTime(hour: minutes / 60, minute: minutes % 60)!
        }
        return .success(
            Meeting(
                subject: .body(body), kind: .extra,
                schedule: .timed(startDate: date, start: start, endDate: date, end: finish),
                place: place.flatMap { $0.isEmpty ? nil : $0 }, note: note.flatMap { $0.isEmpty ? nil : $0 }))
    }
}

/// Why a change to `calendars/` was not made, in words the person can act on.
public struct CalendarEditError: Error, Hashable, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// A change to one file of `calendars/`: the diff, what `check` says of the result,
/// and whether it was saved.
public struct CalendarEdit: Sendable {
    /// The file's name inside `calendars/` (`2031.yaml`).
    public let file: String
    /// The file's text before and after.
    public let before: String
    public let after: String
    /// Why the change cannot be made (the data would not load, the file changed since
    /// the preview); empty when it can.
    public let errors: [String]
    /// `check`'s warnings about the changed data, for the change's year.
    public let warnings: [String]
    /// The version of the file the change was made against (a hash of `before`).
    public let version: String
    public let saved: Bool

    public init(
        file: String, before: String, after: String, errors: [String], warnings: [String], version: String,
        saved: Bool
    ) {
        self.file = file
        self.before = before
        self.after = after
        self.errors = errors
        self.warnings = warnings
        self.version = version
        self.saved = saved
    }
}
