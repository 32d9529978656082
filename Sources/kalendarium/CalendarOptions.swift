import ArgumentParser
import CalendarFiles
import Foundation
import KalendariumApp
import KalendariumCore

/// `--config FILE` and `--calendars DIR`, which every command shares, and the one way
/// every command resolves its settings (`Settings`: defaults < file < environment < flags).
struct CalendarOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Configuration file (YAML; default $KALENDARIUM_CONFIG). Every command reads the same one.",
            valueName: "FILE"))
    var config: String?
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The calendars directory (default $KALENDARIUM_CALENDARS, else the configuration file's calendars, "
                + "else ./calendars).", valueName: "DIR"))
    var calendars: String?

    /// The settings with `flags` (and `--calendars`) on top; a bad setting ends the
    /// command with its message.
    func settings(_ flags: SettingLayer = SettingLayer()) throws -> Settings {
        var flags = flags
        if let calendars { flags[.calendars] = calendars }
        do {
            return try Settings.resolve(file: config, environment: ProcessInfo.processInfo.environment, flags: flags)
        } catch {
            StandardError.print("error: \(error.description)")
            throw ExitCode(1)
        }
    }

    /// The calendars directory the settings name.
    var directory: String { get throws { try settings().calendars } }

    /// The data and the external calendars, or the errors on standard error and exit 1.
    func loadOrExit() throws -> CalendarLoad { try loadOrExit(try settings()) }

    /// The same from settings the command has resolved already (the file is read once).
    func loadOrExit(_ settings: Settings) throws -> CalendarLoad {
        let directory = settings.calendars
        let load = CalendarDirectory.load(directory)
        guard load.isUsable else {
            for error in load.errors { StandardError.print(error.description) }
            StandardError.print("\(load.errors.count) error\(load.errors.count == 1 ? "" : "s") in \(directory)")
            throw ExitCode(1)
        }
        return load
    }
}
