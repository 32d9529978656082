import ArgumentParser
import CalendarFiles
import Feeds
import Foundation
import KalendariumApp
import KalendariumCore
import Store

/// `kalendarium export --out DIR`: every feed as a file.
struct ExportCommand: AsyncParsableCommand {
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

    func run() async throws {
        let settings = try options.settings(feedOptions.flags)
        let data = try options.loadOrExit(settings).data
        let instant =
            try now.map { text in
                guard let t = UTCInstant(rfc3339: text) else {
                    throw ValidationError("--now \"\(text)\" is not an RFC 3339 time such as 2026-11-23T08:00:00+01:00")
                }
                return t
            } ?? WallClock.now()
        let export = FeedExport(settings: settings.feedSettings, stateDirectory: settings.state)
        // The published agendas' titles, as the daemon's feeds carry them; a state
        // directory without a database has none (and gets no database made here).
        var agendas: [String: AgendaVersion] = [:]
        if settings.database != nil || FileManager.default.fileExists(atPath: "\(settings.state)/kalendarium.sqlite") {
            agendas = try await DatabaseOption.withStore(settings) { try await $0.agendas().latestVersions }
        }
        do {
            let set = try export.build(data, now: instant, agendas: agendas)
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
