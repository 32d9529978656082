/// One change made in the workspace: who, when, what and to which thing. The
/// secretariat reads them per meeting and per item, and `kalendarium audit` prints
/// them all; nothing ever deletes one.
public struct AuditEntry: Hashable, Sendable {
    /// When the change was saved.
    public let at: UTCInstant
    /// Who made it (the signed-in address, lowercased).
    public let email: String
    /// What was done, in a few English words (`agenda: add point`, `meeting: extra`).
    public let action: String
    /// What it was done to: `meeting:ID`, `item:ID` or `file:NAME`.
    public let subject: String
    /// The change itself, for a person to read (a title, a diff's summary).
    public let detail: String

    public init(at: UTCInstant, email: String, action: String, subject: String, detail: String = "") {
        self.at = at
        self.email = email.lowercased()
        self.action = action
        self.subject = subject
        self.detail = detail
    }

    /// The subject of a meeting's entries.
    public static func meeting(_ id: String) -> String { "meeting:\(id)" }
    /// The subject of an item's entries.
    public static func item(_ id: Int64) -> String { "item:\(id)" }
    /// The subject of a change to a data file in `calendars/`.
    public static func file(_ name: String) -> String { "file:\(name)" }
}
