import KalendariumCore

/// The plan against what the data already holds for the year, one meeting a line.
enum PlanDiff {
    static func render(_ plan: YearPlan, data: CalendarData) -> String {
        let existing = data.meetings.filter { $0.year == plan.year }
        var out = "--- calendars/\(plan.year).yaml (in the data: \(existing.count) meetings)\n"
        out += "+++ plan \(plan.year) (\(plan.meetings.count) meetings)\n"
        for planned in plan.meetings {
            out += (planned.isFixed ? "  " : "+ ") + line(planned.meeting, data) + "\n"
        }
        let planned = Set(plan.meetings.map(\.meeting.id))
        for meeting in existing where !planned.contains(meeting.id) { out += "- " + line(meeting, data) + "\n" }
        return out
    }

    static func line(_ m: Meeting, _ data: CalendarData) -> String {
        var when: String
        switch m.schedule {
        case .timed(let sd, let s, let ed, let e):
            when = ed == sd ? "\(sd) \(sd.weekday.name.prefix(3)) \(s)–\(e)" : "\(sd) \(s) – \(ed) \(e)"
        case .allDay(let f, let l): when = l == f ? "\(f) \(f.weekday.name.prefix(3)) all day" : "\(f) – \(l)"
        case .undated(let y, let s): when = "\(y) \(s?.rawValue ?? "")"
        }
        let kind = m.kind == .ordinary || m.kind == .conference ? "" : " (\(m.kind.rawValue))"
        let place = m.place?.municipality.map { " @ \(data.municipality($0)?.name ?? $0)" } ?? ""
        return "\(when)  \(data.name(of: m.subject))\(kind)\(place)"
    }
}
