/// Who hosts a conference.
public enum HostRule: Hashable, Sendable {
    /// `count` member municipalities each year, in a cycle (Rådslag: 1, Södertörnskonferensen: 2).
    case municipalities(count: Int)
    /// Always arranged by one network (Nyckeltalsdagen: Ekonomicheferna).
    case network(String)
}
