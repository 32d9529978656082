import ArgumentParser
import CalendarFiles
import Foundation
import KalendariumApp
import KalendariumCore

/// `kalendarium plan YEAR`: next year's kalendarium proposed from the rules.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Propose every meeting and conference of a year from the rules in calendars/.",
        discussion: """
            The output is a year file in the calendars/ format, with a comment above each meeting \
            saying why that date. Meetings already in the data for that year are kept as they are. \
            Review it, then save it as calendars/YEAR.yaml (or use --out) and run kalendarium check.
            """
    )

    @OptionGroup var options: CalendarOptions
    @Argument(help: "The year to plan.") var year: Int
    @Option(help: ArgumentHelp("Write the plan to this file instead of standard output.", valueName: "FILE"))
    var out: String?
    @Flag(help: "Show the plan as a diff against the meetings already in the data for that year.")
    var diff = false

    func validate() throws {
        guard (1900...2200).contains(year) else { throw ValidationError("plan a year between 1900 and 2200") }
    }

    func run() throws {
        let load = try options.loadOrExit()
        let plan = Planner.plan(year: year, data: load.data, externalEvents: load.externalEvents)
        for relaxation in plan.relaxations { StandardError.print("note: \(relaxation)") }
        if diff {
            print(PlanDiff.render(plan, data: load.data), terminator: "")
            return
        }
        let text = MeetingYAML.yearFile(
            plan, data: load.data,
            header: [
                "Kalendarium \(year): proposed by `kalendarium plan \(year)` from calendars/rules.yaml.",
                "Each comment says why that date. Review, adjust, then run `kalendarium check`.",
            ] + plan.relaxations.map { "Rule that gave way: \($0)" })
        if let out {
            do {
                try AtomicFile.write(Data(text.utf8), to: out)
            } catch {
                StandardError.print("error: cannot write \(out): \(error.localizedDescription)")
                throw ExitCode(1)
            }
            StandardError.print("wrote \(plan.meetings.count) meetings to \(out)")
        } else {
            print(text, terminator: "")
        }
    }
}

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
