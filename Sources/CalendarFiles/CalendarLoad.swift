import Foundation
public import KalendariumCore

/// The calendar data of a `calendars/` directory, with everything found wrong in it.
public struct CalendarLoad: Sendable {
    public let data: CalendarData
    /// Events of the calendars in `external/`, for clash checks.
    public let externalEvents: [ExternalEvent]
    /// Errors from reading and validating; empty means `data` is whole and consistent.
    public let errors: [Diagnostic]
    /// Problems met while reading that do not stop the data from being used.
    public let readingWarnings: [Diagnostic]

    public var isUsable: Bool { errors.isEmpty }

    /// Reading warnings and every planning rule the data breaks, in date order.
    public var warnings: [Diagnostic] {
        isUsable ? readingWarnings + PlanningChecks.warnings(in: data, externalEvents: externalEvents) : []
    }
}
