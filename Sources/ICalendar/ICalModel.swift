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

public struct ICalParameter: Hashable, Sendable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// Property values. Text is passed to libical as text, so escaping and folding are
/// libical's; every other kind is given in its RFC 5545 form and parsed by libical.
public enum ICalValue: Hashable, Sendable {
    case text(String)
    case integer(Int)
    /// A local time in the time zone named by the property's TZID parameter.
    case localDateTime(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int)
    /// A time in UTC (`…Z`).
    case utcDateTime(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int)
    case date(year: Int, month: Int, day: Int)
    /// `PT1H`, `-P1D`.
    case duration(String)
    /// `FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU`.
    case recurrence(String)
    /// Seconds east of UTC.
    case utcOffset(Int)
    case uri(String)
    /// Enumerated values (`STATUS:CANCELLED`, `TRANSP:TRANSPARENT`, `METHOD:PUBLISH`).
    case token(String)
    /// What a parser found in a kind this model does not spell out, in RFC 5545 form.
    case other(String)
}
