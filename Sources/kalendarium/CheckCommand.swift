import ArgumentParser
import CalendarFiles
import Foundation
import KalendariumApp
import KalendariumCore
import Store

/// `kalendarium check`: errors exit 1; planning warnings are printed and exit 0.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the calendar data and report where it breaks the planning rules.",
        discussion: """
            Errors (exit 1): malformed YAML, unknown names, duplicate meetings, impossible dates and \
            times, hosts that are not members. Warnings (exit 0): meetings off their body's usual day \
            or time, on holidays or in non-meeting periods, too few meetings in a year, committee \
            meetings not prepared by ledningsgruppen, overlaps, conference years without hosts, \
            years with meetings and no chair, and (when a database is there: --database, or             kalendarium.sqlite in the state directory) minutes of meetings without quorum.

            --assumptions lists every value the documents do not give, as the files mark it with \
            an "# assumption:" comment; --sources lists the "# source:" comments that name the \
            document each fact comes from. Both read the calendars directory and the data \
            directory (by default ./data beside the calendars directory, when there is one).
            """
    )

    @OptionGroup var options: CalendarOptions
    @Option(help: "Output format: text or json.") var format: OutputFormat = .text
    @Flag(help: "List the values the data assumes (\"# assumption:\" comments) with file and line.")
    var assumptions = false
    @Flag(help: "List the sources the data cites (\"# source:\" comments) with file and line.")
    var sources = false
    @Option(
        help: ArgumentHelp(
            "The data directory to read notes from too (default: data beside the calendars directory).",
            valueName: "DIR"))
    var data: String?
    @Option(
        help: ArgumentHelp(SettingHelp.state + " Its minutes are checked when it holds a database.", valueName: "DIR"))
    var state: String?
    @OptionGroup var database: DatabaseOption

    func validate() throws {
        if assumptions && sources { throw ValidationError("give --assumptions or --sources, not both") }
        if data != nil && !(assumptions || sources) {
            throw ValidationError("--data goes with --assumptions or --sources")
        }
    }

    func run() async throws {
        let directory = try options.directory
        if assumptions || sources {
            try listNotes(calendars: directory, kind: assumptions ? .assumption : .source)
            return
        }
        let load = CalendarDirectory.load(directory)
        var warnings = load.warnings
        if load.isUsable { warnings += try await minutesWarnings(load.data) }
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

    /// The stored minutes' warnings, when there is a store to read: never creates one.
    private func minutesWarnings(_ data: CalendarData) async throws -> [Diagnostic] {
        var flags = SettingLayer()
        flags[.state] = state
        flags[.database] = database.database
        let settings = try options.settings(flags)
        guard settings.database != nil || FileManager.default.fileExists(atPath: "\(settings.state)/kalendarium.sqlite")
        else { return [] }
        let minutes = try await DatabaseOption.withStore(settings) { try await $0.allMinutes() }
        return MinutesChecks.quorum(minutes, data)
    }

    private func listNotes(calendars: String, kind: SourceNote.Kind) throws {
        var directories = [calendars]
        if let data {
            guard FileManager.default.fileExists(atPath: data) else {
                throw ValidationError("--data \(data): no such directory")
            }
            directories.append(data)
        } else {
            let beside = (calendars.hasSuffix("/") ? String(calendars.dropLast()) : calendars) + "/../data"
            let standard = URL(fileURLWithPath: beside).standardizedFileURL.path
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: standard, isDirectory: &isDirectory), isDirectory.boolValue {
                directories.append(relative(standard))
            }
        }
        let read = SourceNotes.read(directories: directories)
        for error in read.errors { StandardError.print(error.description) }
        let report = SourceNoteReport(directories: directories, kind: kind, notes: read.notes)
        switch format {
        case .json: print(try JSON.string(report))
        case .text: print(report.text, terminator: "")
        }
        if !read.errors.isEmpty { throw ExitCode(1) }
    }

    /// `path` relative to the working directory when it is below it, as the user would type it.
    private func relative(_ path: String) -> String {
        let here = FileManager.default.currentDirectoryPath
        return path.hasPrefix(here + "/") ? String(path.dropFirst(here.count + 1)) : path
    }
}
