/// One meeting of a body or one conference day (or days), as the kalendarium lists it.
public struct Meeting: Hashable, Sendable {
    /// Stable identity: the feeds derive the UID from it, so it must not follow the
    /// meeting's position in a file. Defaults to `<subject>-<first date>`; a meeting
    /// that is moved keeps its old id by stating it.
    public let id: String
    public let subject: Subject
    public let kind: Kind
    public let schedule: Schedule
    public let place: Place?
    public let status: Status
    /// Free text from the documents ("krockar med Mälartinget").
    public let note: String?
    /// Guests, as the minutes name them ("regiondirektören", "Trafikverket").
    public let guests: [String]
    public let location: SourceLocation?

    public init(
        id: String? = nil, subject: Subject, kind: Kind = .ordinary, schedule: Schedule, place: Place? = nil,
        status: Status = .planned, note: String? = nil, guests: [String] = [], location: SourceLocation? = nil
    ) {
        self.id = id ?? "\(subject.slug)-\(schedule.firstDay?.description ?? "\(schedule.year)")"
        self.subject = subject
        self.kind = kind
        self.schedule = schedule
        self.place = place
        self.status = status
        self.note = note
        self.guests = guests
        self.location = location
    }

    /// Whose meeting it is.
    public enum Subject: Hashable, Sendable {
        case body(String)
        case conference(String)

        public var slug: String {
            switch self {
            case .body(let s), .conference(let s): s
            }
        }
    }

    public enum Kind: String, CaseIterable, Sendable, Codable {
        case ordinary
        /// Planeringskonferens, often "lunch–lunch" over two days.
        case planningConference = "planning-conference"
        /// Called by the chair or five members (the agreement, § 4).
        case extra
        /// A meeting held together with outside guests (Region Stockholm, the regional director).
        case withGuests = "with-guests"
        case conference
    }

    public enum Status: String, CaseIterable, Sendable, Codable {
        case planned, cancelled, tentative
    }

    /// The year the meeting belongs to.
    public var year: Int { schedule.year }
}

/// When a meeting takes place.
public enum Schedule: Hashable, Sendable {
    /// Timed, possibly over several days ("lunch–lunch": 12:00 day one to 12:00 day two).
    case timed(startDate: LocalDate, start: LocalTime, endDate: LocalDate, end: LocalTime)
    /// A whole day or several, with no time known.
    case allDay(first: LocalDate, last: LocalDate)
    /// Known only to a season ("Nyckeltalsdagen, hösten 2019").
    case undated(year: Int, season: Season?)

    public var firstDay: LocalDate? {
        switch self {
        case .timed(let d, _, _, _), .allDay(let d, _): d
        case .undated: nil
        }
    }

    public var lastDay: LocalDate? {
        switch self {
        case .timed(_, _, let d, _), .allDay(_, let d): d
        case .undated: nil
        }
    }

    public var year: Int {
        switch self {
        case .timed(let d, _, _, _), .allDay(let d, _): d.year
        case .undated(let y, _): y
        }
    }

    /// Every day the meeting touches.
    public var days: [LocalDate] {
        guard let first = firstDay, let last = lastDay, first <= last else { return firstDay.map { [$0] } ?? [] }
        return (0...first.days(to: last)).map { first.adding(days: $0) }
    }

    /// Start and end as minutes on a common line (day number × 1440 + minute), for overlap tests.
    /// All-day spans cover whole days.
    var span: Range<Int>? {
        switch self {
        case .timed(let sd, let s, let ed, let e):
            let lo = sd.dayNumber * 1440 + s.minutes
            let hi = ed.dayNumber * 1440 + e.minutes
            return lo < hi ? lo..<hi : nil
        case .allDay(let f, let l):
            return f <= l ? (f.dayNumber * 1440)..<((l.dayNumber + 1) * 1440) : nil
        case .undated:
            return nil
        }
    }
}

/// Where a meeting is held.
public struct Place: Hashable, Sendable {
    /// The municipality it is held in (or that hosts it), by slug.
    public let municipality: String?
    /// A named venue ("StorSthlm", "Tyresö slott").
    public let venue: String?
    /// The platform when held digitally ("Teams"); nil when in person.
    public let digital: String?

    public init(municipality: String? = nil, venue: String? = nil, digital: String? = nil) {
        self.municipality = municipality
        self.venue = venue
        self.digital = digital
    }
}
