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
    /// Who chairs this meeting when it is not the year's chair ("Boel Godner … leder
    /// mötet i Daniel Dronjaks frånvaro"); nil for the year's chair.
    public let chair: Chairperson?
    /// When and why a cancelled meeting was cancelled, as far as the data says; nil for
    /// a meeting that is not cancelled or whose cancellation the data gives no details of.
    public let cancellation: Cancellation?
    public let location: SourceLocation?

    public init(
        id: String? = nil, subject: Subject, kind: Kind = .ordinary, schedule: Schedule, place: Place? = nil,
        status: Status = .planned, note: String? = nil, guests: [String] = [], chair: Chairperson? = nil,
        cancellation: Cancellation? = nil, location: SourceLocation? = nil
    ) {
        self.id = id ?? "\(subject.slug)-\(schedule.firstDay?.description ?? "\(schedule.year)")"
        self.subject = subject
        self.kind = kind
        self.schedule = schedule
        self.place = place
        self.status = status
        self.note = note
        self.guests = guests
        self.chair = chair
        self.cancellation = cancellation
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
