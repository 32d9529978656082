/// Who may read a body's agendas and papers (`visibility:` in `bodies.yaml`): anyone,
/// as the agreement's openness suggests for most bodies, or only the people its
/// kallelse goes to, each with the per-person link in their e-mail.
public enum Visibility: String, CaseIterable, Codable, Hashable, Sendable {
    case `public`
    case members
}
