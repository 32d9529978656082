import ArgumentParser
import CalendarFiles
import Feeds
import Foundation
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
        let export = FeedExport(settings: try feedOptions.settings, stateDirectory: feedOptions.stateDirectory)
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
    @Option(
        help: ArgumentHelp(
            "Where revisions are kept (default: $KALENDARIUM_STATE, else $STATE_DIRECTORY, else ./state).",
            valueName: "DIR"))
    var state: String?
    @Option(
        help: ArgumentHelp(
            "Public address of the web page, linked from every event (default: $KALENDARIUM_PAGE_URL, else "
                + "\(FeedSettings().pageURL)).", valueName: "URL"))
    var pageURL: String?
    @Option(
        help: ArgumentHelp(
            "Domain part of every event UID; never change it once published (default: $KALENDARIUM_UID_DOMAIN, "
                + "else \(FeedSettings().uidDomain)).", valueName: "DOMAIN"))
    var uidDomain: String?
    @Option(help: "Years ahead that hosts.ics plans (default: $KALENDARIUM_HORIZON, else 10).") var horizon: Int?

    var stateDirectory: String { StateDirectory.resolve(state) }

    var settings: FeedSettings {
        get throws { try FeedSettings.resolve(pageURL: pageURL, uidDomain: uidDomain, horizon: horizon) }
    }

    func validate() throws {
        guard (0...100).contains(try settings.horizonYears) else {
            throw ValidationError("--horizon must be 0–100 years")
        }
    }
}

extension FeedSettings {
    /// A flag, else the `KALENDARIUM_*` variable `serve` reads too, else the default:
    /// every command that builds events must give them the UIDs and links the feeds have.
    static func resolve(
        pageURL: String?, uidDomain: String?, horizon: Int?,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> FeedSettings {
        let defaults = FeedSettings()
        var years = defaults.horizonYears
        if let horizon {
            years = horizon
        } else if let text = environment["KALENDARIUM_HORIZON"] {
            guard let value = Int(text) else {
                throw ValidationError("KALENDARIUM_HORIZON=\"\(text)\" is not a number")
            }
            years = value
        }
        return FeedSettings(
            pageURL: pageURL ?? environment["KALENDARIUM_PAGE_URL"] ?? defaults.pageURL,
            uidDomain: uidDomain ?? environment["KALENDARIUM_UID_DOMAIN"] ?? defaults.uidDomain, horizonYears: years)
    }
}
