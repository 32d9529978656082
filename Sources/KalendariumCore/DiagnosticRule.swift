/// The rule a diagnostic is about. The raw value is the short stable name `check`
/// prints in brackets and in its JSON, which scripts filter on: never rename one.
public enum DiagnosticRule: String, Hashable, Sendable, CaseIterable, Comparable, CustomStringConvertible {
    // Reading the files.
    /// A file that cannot be read, or one that is not part of the calendar.
    case files
    /// YAML that does not parse.
    case yaml
    /// A value of the wrong shape or an unknown key.
    case schema
    /// A calendar of another organisation that cannot be read.
    case external
    // The data's consistency.
    case duplicate
    case duplicateMeeting = "duplicate-meeting"
    case endBeforeStart = "end-before-start"
    case unknownBody = "unknown-body"
    case unknownConference = "unknown-conference"
    case unknownMunicipality = "unknown-municipality"
    case unknownNetwork = "unknown-network"
    case notAMember = "not-a-member"
    /// A conference's host rotation that cannot be derived.
    case rotation
    // Planning rules (warnings).
    case weekday
    case time
    case holiday
    case nonMeetingPeriod = "non-meeting-period"
    case minimumMeetings = "minimum-meetings"
    case preparation
    case overlap
    case noHost = "no-host"
    case hostPlace = "host-place"
    case externalClash = "external-clash"
    /// A year with meetings of a body and no chair in the data.
    case noChair = "no-chair"
    /// Minutes that record fewer than half of the members present (agreement § 3).
    case noQuorum = "no-quorum"

    public var description: String { rawValue }

    public static func < (lhs: DiagnosticRule, rhs: DiagnosticRule) -> Bool { lhs.rawValue < rhs.rawValue }
}
