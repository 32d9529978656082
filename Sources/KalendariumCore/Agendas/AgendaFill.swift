/// A standing point whose content comes from the data rather than from the secretariat:
/// the minutes' "Utestående ärenden", "Kommande möten" and "Nästa möte".
public enum AgendaFill: String, CaseIterable, Codable, Hashable, Sendable {
    /// The body's open items, with owners and due dates.
    case openItems = "open-items"
    /// The body's coming meetings and the coming conferences.
    case comingMeetings = "coming-meetings"
    /// The body's next meeting after this one.
    case nextMeeting = "next-meeting"
}
