import Server
import Testing

@testable import KalendariumApp

/// The watcher: a poll rebuilds once for a changed file, and not again for the same one.
@Suite struct CalendarWatcherTests {
    @Test func pollingNoticesChangedFiles() async throws {
        let f = try await AppFixture.Watched()
        let before = f.state.published?.builtAt
        try f.append("\n", to: "2021.yaml")
        await f.watcher.pollOnce()
        #expect(f.metrics.text().contains("kalendarium_feed_builds_total 2"))
        await f.watcher.pollOnce()
        #expect(f.metrics.text().contains("kalendarium_feed_builds_total 2"))
        #expect(before != nil)
    }

    @Test func aBrokenEditIsADataProblemUntilFixed() async throws {
        let f = try await AppFixture.Watched()
        try f.append("  - body: ledningsgrupp\n    date: 2021-01-22\n", to: "2021.yaml")
        #expect(await f.watcher.reload(reason: .signal) == false)
        #expect(f.state.problems.map(\.kind) == [.calendars])
        #expect(f.state.problems.first?.message.contains("2021.yaml") == true)
        #expect(f.metrics.text().contains("kalendarium_reload_failures_total 1"))
    }
}
