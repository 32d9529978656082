/// Days of the week, Monday first as in Sweden (ISO 8601).
public enum Weekday: String, CaseIterable, Sendable, Codable {
    case monday, tuesday, wednesday, thursday, friday, saturday, sunday

    /// 0 for Monday through 6 for Sunday.
    public var index: Int { Weekday.allCases.firstIndex(of: self)! }

    public var isWeekend: Bool { self == .saturday || self == .sunday }

    /// The English name with a capital letter, as the CLI prints it.
    public var name: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}
