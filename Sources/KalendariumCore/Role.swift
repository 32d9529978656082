/// The people a body or conference gathers, by role, so clashes can be found
/// without naming persons (who change with every election).
public enum Role: String, CaseIterable, Sendable, Codable {
    /// Kommunstyrelsens ordförande: the municipal board chair.
    case kso
    /// Kommundirektör: the municipal CEO.
    case kommundirektor
    /// The secretariat (kansli) hosted by Huddinge.
    case kansli
    /// A network's members (planning chiefs, finance directors, …).
    case network
    /// A municipality's registry (registrator): receives the approved minutes, as the
    /// agreement wants them shared with each municipality (§ 3).
    case registrator
}
