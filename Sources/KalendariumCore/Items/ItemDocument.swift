/// The JSON shape of an item, shared by `kalendarium items --format json` and the
/// HTTP API, so scripts see one format.
public struct ItemDocument: Codable, Hashable, Sendable {
    public struct Note: Codable, Hashable, Sendable {
        public let date: String
        public let status: String
        public let text: String
    }

    public let id: Int64?
    public let title: String
    public let description: String
    public let body: String
    public let meeting: String?
    public let decision: String?
    /// The agenda point of `meeting` it was decided at.
    public let point: Int?
    public let owners: [String]
    public let due: String?
    public let status: String
    public let history: [Note]
    /// The text form, `yearly 03-15`; null for a one-off.
    public let recurrence: String?
    /// The id of the series' first occurrence; null for a one-off.
    public let series: Int64?
    /// The occurrence whose closing created this one.
    public let previous: Int64?

    public init(_ item: Item) {
        id = item.id
        title = item.title
        description = item.description
        body = item.body
        meeting = item.meeting
        decision = item.decision
        point = item.point
        owners = item.owners.map(\.description)
        due = item.due?.description
        status = item.status.rawValue
        history = item.history.map { Note(date: $0.date.description, status: $0.status.rawValue, text: $0.text) }
        recurrence = item.recurrence?.description
        series = item.series
        previous = item.previous
    }

    /// Every key present, null when empty, so clients can index without checks.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(title, forKey: .title)
        try c.encode(description, forKey: .description)
        try c.encode(body, forKey: .body)
        try c.encode(meeting, forKey: .meeting)
        try c.encode(decision, forKey: .decision)
        try c.encode(point, forKey: .point)
        try c.encode(owners, forKey: .owners)
        try c.encode(due, forKey: .due)
        try c.encode(status, forKey: .status)
        try c.encode(history, forKey: .history)
        try c.encode(recurrence, forKey: .recurrence)
        try c.encode(series, forKey: .series)
        try c.encode(previous, forKey: .previous)
    }

    enum CodingKeys: String, CodingKey {
        case id, title, description, body, meeting, decision, point, owners, due, status, history, recurrence, series,
            previous
    }
}
