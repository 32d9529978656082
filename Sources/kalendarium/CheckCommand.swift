import ArgumentParser
import CalendarFiles
import KalendariumCore

/// `kalendarium check`: errors exit 1; planning warnings are printed and exit 0.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the calendar data and report where it breaks the planning rules.",
        discussion: """
            Errors (exit 1): malformed YAML, unknown names, duplicate meetings, impossible dates and \
            times, hosts that are not members. Warnings (exit 0): meetings off their body's usual day \
            or time, on holidays or in non-meeting periods, too few meetings in a year, committee \
            meetings not prepared by ledningsgruppen, overlaps, conference years without hosts.
            """
    )

    @OptionGroup var options: CalendarOptions
    @Option(help: "Output format: text or json.") var format: OutputFormat = .text

    func run() throws {
        let directory = try options.directory
        let load = CalendarDirectory.load(directory)
        let warnings = load.warnings
        switch format {
        case .json:
            print(try JSON.string(CheckReport(errors: load.errors, warnings: warnings)))
        case .text:
            for error in load.errors { StandardError.print(error.description) }
            for warning in warnings { print(warning.description) }
            let summary =
                "\(load.errors.count) error\(load.errors.count == 1 ? "" : "s"), "
                + "\(warnings.count) warning\(warnings.count == 1 ? "" : "s") in \(directory)"
            if load.isUsable { print(summary) } else { StandardError.print(summary) }
        }
        if !load.isUsable { throw ExitCode(1) }
    }
}
