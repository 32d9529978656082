/// A content line: name, parameters and one value.
public struct ICalProperty: Hashable, Sendable {
    /// Upper-case name: `SUMMARY`, `DTSTART`, `X-WR-CALNAME`.
    public var name: String
    public var value: ICalValue
    public var parameters: [ICalParameter]

    public init(_ name: String, _ value: ICalValue, parameters: [ICalParameter] = []) {
        self.name = name
        self.value = value
        self.parameters = parameters
    }

    public func parameter(_ name: String) -> String? { parameters.first { $0.name == name }?.value }
}
