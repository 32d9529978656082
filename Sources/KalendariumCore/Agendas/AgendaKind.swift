/// What a point of an agenda is for, as the minutes' points show it: a standing point
/// every meeting has, information given, a discussion, or a decision to take.
public enum AgendaKind: String, CaseIterable, Codable, Hashable, Sendable {
    case standing, information, discussion, decision
}
