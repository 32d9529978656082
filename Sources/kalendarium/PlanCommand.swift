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
            header: MeetingYAML.planHeader(plan, data: load.data, by: "`kalendarium plan \(year)`"))
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
