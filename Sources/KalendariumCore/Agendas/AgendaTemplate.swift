/// A body's agenda template (`calendars/agendas.yaml`): the standing points in order,
/// and where new points go. The minutes in the seeds show the ledningsgrupp's: 1.
/// Välkommen, 2. Utestående ärenden och föregående möten, 3. Kommande möten, …,
/// Övriga frågor, Nästa möte.
public struct AgendaTemplate: Hashable, Sendable {
    public struct Point: Hashable, Sendable {
        public let title: String
        public let kind: AgendaKind
        public let fill: AgendaFill?

        public init(title: String, kind: AgendaKind, fill: AgendaFill? = nil) {
            self.title = title
            self.kind = kind
            self.fill = fill
        }
    }

    public let body: String
    public let points: [Point]
    /// How many of `points` come before the topics of the day: a point added without a
    /// place goes after them (before "Aktuella frågor från nätverken", say).
    public let topicsAfter: Int

    public init(body: String, points: [Point], topicsAfter: Int? = nil) {
        self.body = body
        self.points = points
        self.topicsAfter = min(max(topicsAfter ?? points.count, 0), points.count)
    }

    /// A new meeting's agenda: the template's points, a draft.
    public func agenda(for meeting: String) -> Agenda {
        let points = points.enumerated().map { i, p in
            AgendaPoint(key: i + 1, title: p.title, kind: p.kind, fill: p.fill)
        }
        // Keys are places from 1: the first point after the topics has key topicsAfter + 1.
        return Agenda(
            meeting: meeting, points: points, topicsBefore: topicsAfter < points.count ? topicsAfter + 1 : nil)
    }
}
