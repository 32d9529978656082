/// iCalendar data as Swift values. The wrapper turns these into libical components
/// and back, so no other module ever holds a libical pointer.
public struct ICalComponent: Hashable, Sendable {
    /// `VCALENDAR`, `VEVENT`, `VTIMEZONE`, `STANDARD`, …
    public var name: String
    public var properties: [ICalProperty]
    public var components: [ICalComponent]

    public init(_ name: String, properties: [ICalProperty] = [], components: [ICalComponent] = []) {
        self.name = name
        self.properties = properties
        self.components = components
    }

    /// The first property called `name`.
    public func property(_ name: String) -> ICalProperty? { properties.first { $0.name == name } }

    /// Direct children called `name`.
    public func children(_ name: String) -> [ICalComponent] { components.filter { $0.name == name } }
}
