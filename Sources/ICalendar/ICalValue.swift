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
    /// A CAL-ADDRESS (`mailto:…`), the value of ORGANIZER and ATTENDEE.
    case calendarAddress(String)
    /// Enumerated values (`STATUS:CANCELLED`, `TRANSP:TRANSPARENT`, `METHOD:PUBLISH`).
    case token(String)
    /// What a parser found in a kind this model does not spell out, in RFC 5545 form.
    case other(String)
}
