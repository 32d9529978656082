import ArgumentParser
import CalendarFiles
import Foundation
import KalendariumCore

/// The `--calendars DIR` option every command shares.
struct CalendarOptions: ParsableArguments {
    @Option(
        name: .long, help: ArgumentHelp("The calendars directory.", valueName: "DIR"))
    var calendars: String?

    /// `--calendars`, then `$KALENDARIUM_CALENDARS`, then `./calendars`.
    var directory: String {
        calendars ?? ProcessInfo.processInfo.environment["KALENDARIUM_CALENDARS"] ?? "calendars"
    }

    /// The data and the external calendars, or the errors on standard error and exit 1.
    func loadOrExit() throws -> CalendarLoad {
        let load = CalendarDirectory.load(directory)
        guard load.isUsable else {
            for error in load.errors { StandardError.print(error.description) }
            StandardError.print("\(load.errors.count) error\(load.errors.count == 1 ? "" : "s") in \(directory)")
            throw ExitCode(1)
        }
        return load
    }
}
