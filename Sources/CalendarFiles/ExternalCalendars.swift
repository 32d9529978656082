import Foundation
import ICalendar
public import KalendariumCore

/// Reads `calendars/external/*.ics`: calendars of others (a regional events calendar)
/// whose events Kalendarium's meetings should not clash with.
public enum ExternalCalendars {
    /// The events of every `.ics` file in `directory/external`, as Stockholm wall-clock times.
    /// A file libical cannot read is an error; problems libical worked around are warnings.
    public static func load(_ directory: String) -> (events: [ExternalEvent], diagnostics: [Diagnostic]) {
        let folder = "\(directory.hasSuffix("/") ? String(directory.dropLast()) : directory)/external"
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { $0.lowercased().hasSuffix(".ics") }.sorted()
        var events: [ExternalEvent] = []
        var diagnostics: [Diagnostic] = []
        for name in names {
            let file = "\(folder)/\(name)"
            let start = SourceLocation(file: file, line: 1, column: 1)
            guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8)
            else {
                diagnostics.append(.error(.external, "cannot read the file as UTF-8 text", at: start))
                continue
            }
            do {
                let parsed = try ICalendarReader.parse(text)
                for problem in parsed.errors {
                    diagnostics.append(Diagnostic(.warning, rule: .external, "libical: \(problem)", at: start))
                }
                for event in try ICalendarReader.events(text) where !event.isCancelled {
                    if let schedule = schedule(of: event) {
                        events.append(ExternalEvent(calendar: name, summary: event.summary, schedule: schedule))
                    }
                }
            } catch {
                diagnostics.append(.error(.external, "not a calendar libical can read: \(error.message)", at: start))
            }
        }
        return (events, diagnostics)
    }

    static func schedule(of event: ICalEvent) -> Schedule? {
        guard let startDay = LocalDate(year: event.start.year, month: event.start.month, day: event.start.day),
            let endDay = LocalDate(year: event.end.year, month: event.end.month, day: event.end.day)
        else { return nil }
        if event.start.isDate {
            // DTEND of an all-day event is exclusive.
            return .allDay(first: startDay, last: max(startDay, endDay.adding(days: -1)))
        }
        guard let startTime = LocalTime(hour: event.start.hour, minute: event.start.minute),
            let endTime = LocalTime(hour: event.end.hour, minute: event.end.minute)
        else { return nil }
        return .timed(startDate: startDay, start: startTime, endDate: endDay, end: endTime)
    }
}
