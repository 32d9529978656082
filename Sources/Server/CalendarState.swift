import Feeds
import KalendariumCore
import Synchronization

/// The server's shared state: swapped whole on each reload, read on every request.
/// A mutex rather than an actor: reads are a pointer copy, and requests never wait
/// behind a reload (the new snapshot is built before the swap).
public final class CalendarState: Sendable {
    private struct Value {
        var published: PublishedCalendar?
        var problems: [HealthProblem] = []
        var node: NodeRole?
        /// Counts the changes to `published` and `problems`, which the page shows.
        var generation = 0
        var page: RenderedPage?
    }

    /// The `/` page as last rendered, with the state and the day it shows.
    private struct RenderedPage {
        let generation: Int
        let day: LocalDate
        let text: String
    }

    private let value = Mutex(Value())

    public init() {}

    /// The last good data, or nil before any load has succeeded.
    public var published: PublishedCalendar? { value.withLock { $0.published } }

    /// Why the service is degraded (a broken edit, failed reminders); empty when healthy.
    public var problems: [HealthProblem] { value.withLock { $0.problems } }

    /// This daemon's part among several, or nil when it runs alone on SQLite.
    public var node: NodeRole? { value.withLock { $0.node } }

    public func setNode(_ role: NodeRole) { value.withLock { $0.node = role } }

    public func publish(_ calendar: PublishedCalendar) {
        value.withLock {
            $0.published = calendar
            $0.problems.removeAll { $0.kind == .calendars }
            $0.generation += 1
        }
    }

    /// Records that the files cannot be used now; the last good data stays published.
    public func reportDataProblem(_ messages: [String]) { setProblems(messages, kind: .calendars) }

    /// Replaces the problems of `kind` with `messages` (none: that part is healthy again).
    public func setProblems(_ messages: [String], kind: HealthProblem.Kind) {
        setProblems(messages.map { HealthProblem(kind, $0) }, replacing: kind)
    }

    /// Replaces the problems of `kind` with `problems`, which are all of that kind.
    public func setProblems(_ problems: [HealthProblem], replacing kind: HealthProblem.Kind) {
        value.withLock { v in
            v.problems.removeAll { $0.kind == kind }
            v.problems += problems.filter { $0.kind == kind }
            v.generation += 1
        }
    }

    /// The `/` page for `day`, rendered by `render` from one consistent reading of the
    /// published calendar and the problems, once per change of either and per day: with
    /// a century of meetings a render is about 100 ms, and every visitor asked for one.
    /// The lock is not held while it renders; a page rendered from a state replaced
    /// meanwhile is returned to its caller but not kept.
    func page(day: LocalDate, render: (PublishedCalendar?, [HealthProblem]) -> String) -> String {
        let (generation, published, problems, cached) = value.withLock {
            ($0.generation, $0.published, $0.problems, $0.page)
        }
        if let cached, cached.generation == generation, cached.day == day { return cached.text }
        let text = render(published, problems)
        value.withLock {
            if $0.generation == generation { $0.page = RenderedPage(generation: generation, day: day, text: text) }
        }
        return text
    }
}
