import BlockingPool
import CalendarFiles
import Feeds
import KalendariumCore
import Server
import Store

/// Turns calendar data into the feeds the server answers with, the same way for this
/// daemon's files (`CalendarReloader`) and for a generation from the database
/// (`CalendarSync`): reading, building and the revision file all on the blocking pool,
/// then one swap into the state. The feeds also carry the agendas' published point
/// titles, read from the store for each build.
struct FeedPublisher: Sendable {
    let export: FeedExport
    let state: CalendarState
    /// Where the agendas are; nil builds feeds without them.
    let agendas: (any AgendaStore)?

    /// Reads a calendars directory.
    func load(_ directory: String) async -> CalendarLoad {
        await BlockingPool.run { CalendarDirectory.load(directory) }
    }

    /// Builds and compresses the feeds of `data` as of `instant`, continuing `revisions`.
    func build(
        _ data: CalendarData, revisions: EventRevisions, at instant: UTCInstant
    ) async throws(AppError) -> BuiltFeeds {
        let settings = export.settings
        let versions = await publishedAgendas()
        let result: Result<BuiltFeeds, AppError> = await BlockingPool.run {
            let set: FeedSet
            do {
                set = try FeedSet.build(
                    data: data, settings: settings, revisions: revisions, now: instant, agendas: versions)
            } catch {
                return .failure(AppError("building the feeds failed in libical: \(error)"))
            }
            do {
                return .success(
                    BuiltFeeds(set: set, feeds: try set.feeds.map(PublishedFeed.init), agendas: versions))
            } catch {
                return .failure(AppError("compressing the feeds failed: \(error)"))
            }
        }
        return try result.get()
    }

    /// The latest published agenda versions. A store that does not answer (a full disk,
    /// a database away) must not take the feeds down, nor drop the titles they show: the
    /// versions already served stand in until it answers again.
    func publishedAgendas() async -> [String: AgendaVersion] {
        guard let agendas else { return [:] }
        do { return try await agendas.agendas().latestVersions } catch { return state.published?.agendas ?? [:] }
    }

    /// Swaps the built feeds in: from now on requests get them. The recipients are read
    /// here too, for the members-only pages' tokens (their errors are the reminder
    /// pass's to report).
    func publish(
        _ built: BuiltFeeds, load: CalendarLoad, directory: String, builtAt: UTCInstant, generation: Int64?
    ) async {
        let recipients = await BlockingPool.run { PeopleAndItemsFiles.recipients("\(directory)/recipients.yaml") }
        state.publish(
            PublishedCalendar(
                feeds: built.feeds, data: load.data, warnings: load.warnings, builtAt: builtAt,
                pageURL: export.settings.pageURL, revisions: built.set.revisions, directory: directory,
                generation: generation, recipients: recipients.recipients, agendas: built.agendas,
                feedSettings: export.settings))
        await BlockingPool.run { Malloc.releaseFreed() }
    }

    /// The revisions saved in the state directory (none on first use).
    func savedRevisions() async throws(AppError) -> EventRevisions {
        let file = export.revisionFile
        return try await BlockingPool.run { Result { () throws(AppError) in try file.load() } }.get()
    }

    /// Saves `revisions` in the state directory.
    func save(_ revisions: EventRevisions) async throws(AppError) {
        let file = export.revisionFile
        try await BlockingPool.run { Result { () throws(AppError) in try file.save(revisions) } }.get()
    }
}
