public import ICalendar
import KalendariumCore

/// The VTIMEZONE every feed carries.
///
/// libical's builtin zone has a vendor TZID (`/freeassociation.sourceforge.net/…`) and
/// every transition since 1879; clients want the plain Olson name and the rule in
/// force. This is that rule, truncated to 1996, when the EU rule began: summer time
/// from the last Sunday of March 02:00 to the last Sunday of October 03:00. A test
/// checks it against libical's own Europe/Stockholm for every year to 2037.
public enum StockholmZone {
    public static let tzid = "Europe/Stockholm"

    public static let component = ICalComponent(
        "VTIMEZONE",
        properties: [ICalProperty("TZID", .text(tzid)), ICalProperty("X-LIC-LOCATION", .text(tzid))],
        components: [
            transition("DAYLIGHT", name: "CEST", from: 3600, to: 7200, month: 3, day: 31, hour: 2),
            transition("STANDARD", name: "CET", from: 7200, to: 3600, month: 10, day: 27, hour: 3),
        ])

    /// One yearly change on the last Sunday of `month`, first in 1996.
    static func transition(
        _ kind: String, name: String, from: Int, to: Int, month: Int, day: Int, hour: Int
    ) -> ICalComponent {
        ICalComponent(
            kind,
            properties: [
                ICalProperty("TZOFFSETFROM", .utcOffset(from)),
                ICalProperty("TZOFFSETTO", .utcOffset(to)),
                ICalProperty("TZNAME", .text(name)),
                ICalProperty(
                    "DTSTART", .localDateTime(year: 1996, month: month, day: day, hour: hour, minute: 0, second: 0)),
                ICalProperty("RRULE", .recurrence("FREQ=YEARLY;BYMONTH=\(month);BYDAY=-1SU")),
            ])
    }
}
