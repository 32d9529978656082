import ArgumentParser
import CalendarFiles
import Feeds
import KalendariumApp
import KalendariumCore

/// `kalendarium export --out DIR`: every feed as a file.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write every iCalendar feed into a directory.",
        discussion: """
            Writes all.ics, one feed per body and conference (ledningsgruppen.ics, radslag.ics, …), \
            municipality/<slug>.ics and hosts.ics. Event revisions (SEQUENCE, LAST-MODIFIED) are kept \
            in the state directory, so running it again on unchanged data gives byte-identical files.
            """
    )

    @OptionGroup var options: CalendarOptions
    @OptionGroup var feedOptions: FeedOptions
    @Option(help: ArgumentHelp("Directory to write the feeds to.", valueName: "DIR")) var out: String
    @Option(help: ArgumentHelp("Build as of this time (RFC 3339), instead of now.", valueName: "TIME"))
    var now: String?

    func run() throws {
        let data = try options.loadOrExit().data
        let instant =
            try now.map { text in
                guard let t = UTCInstant(rfc3339: text) else {
                    throw ValidationError("--now \"\(text)\" is not an RFC 3339 time such as 2026-11-23T08:00:00+01:00")
                }
                return t
            } ?? WallClock.now()
        let export = FeedExport(settings: feedOptions.settings, stateDirectory: feedOptions.stateDirectory)
        do {
            let set = try export.build(data, now: instant)
            try FeedExport.write(set, to: out)
            let width = set.feeds.map(\.name.count).max() ?? 0
            for feed in set.feeds {
                print("\(feed.name.padding(toLength: width))  \(feed.eventCount) events  \(feed.text.utf8.count) bytes")
            }
            print("\(set.feeds.count) feeds written to \(out)")
        } catch {
            StandardError.print("error: \(error.description)")
            throw ExitCode(1)
        }
    }
}

/// Settings shared by commands that build feeds.
struct FeedOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Where revisions are kept (default: $STATE_DIRECTORY, else ./state).", valueName: "DIR"))
    var state: String?
    @Option(help: ArgumentHelp("Public address of the web page, linked from every event.", valueName: "URL"))
    var pageURL: String = FeedSettings().pageURL
    @Option(help: ArgumentHelp("Domain part of every event UID; never change it once published.", valueName: "DOMAIN"))
    var uidDomain: String = FeedSettings().uidDomain
    @Option(help: "Years ahead that hosts.ics plans.") var horizon: Int = FeedSettings().horizonYears

    var stateDirectory: String { StateDirectory.resolve(state) }

    var settings: FeedSettings {
        FeedSettings(pageURL: pageURL, uidDomain: uidDomain, horizonYears: horizon)
    }

    func validate() throws {
        guard (0...100).contains(horizon) else { throw ValidationError("--horizon must be 0–100 years") }
    }
}
