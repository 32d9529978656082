/// What one kallelse carries: the agenda's latest published version, and when it
/// updates an earlier notice, that notice's version and every change since.
public struct AgendaNotice: Hashable, Sendable {
    public let version: AgendaVersion
    /// The version the previous notice carried; nil for the first notice.
    public let updates: Int?
    public let changes: [AgendaChange]

    public init(version: AgendaVersion, updates: Int?, changes: [AgendaChange]) {
        self.version = version
        self.updates = updates
        self.changes = changes
    }

    /// The notice's reminder key: one per meeting and version, so no version goes out
    /// twice and each later one goes out once.
    public static func key(meeting: String, day: LocalDate, version: Int) -> String {
        "meeting:\(meeting):agenda:\(day):v\(version)"
    }

    /// The meeting and version a recorded key was for (the inverse of ``key(meeting:day:version:)``).
    public static func version(inKey key: String) -> (meeting: String, version: Int)? {
        let parts = key.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 5, parts[0] == "meeting", parts[2] == "agenda", parts[4].first == "v",
            let number = Int(parts[4].dropFirst())
        else { return nil }
        return (String(parts[1]), number)
    }
}
