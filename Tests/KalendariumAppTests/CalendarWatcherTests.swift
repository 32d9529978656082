import Foundation
import Hummingbird
import HummingbirdTesting
import Server
import Testing

@testable import KalendariumApp

/// The watcher: a poll rebuilds once for a changed file, and not again for the same one;
/// a broken edit keeps the last good data published.
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

    /// What the server answers around a broken edit: the last good feed, a degraded
    /// /healthz naming the line, the page's notice, a counted failure; then the fix.
    @Test func aBrokenEditKeepsTheLastGoodDataUntilFixed() async throws {
        let f = try await AppFixture.Watched()
        let app = Application(router: buildRouter(state: f.state, metrics: f.metrics, now: { AppFixture.now }))
        let good = try String(contentsOfFile: "\(f.directory)/2021.yaml", encoding: .utf8)
        try await app.test(.router) { client in
            let etag = try await client.execute(uri: "/calendars/all.ics", method: .get) { $0.headers[.eTag]! }
            try f.write("2021.yaml", "meetings:\n  - body: ledningsgrupp\n    date: 2021-01-22\n")
            #expect(await f.watcher.reload(reason: .start) == false)
            try await client.execute(uri: "/calendars/all.ics", method: .get) { r in
                #expect(r.status == .ok)
                #expect(r.headers[.eTag] == etag)
            }
            try await client.execute(uri: "/healthz", method: .get) { r in
                #expect(r.status == .ok)
                #expect(text(r).contains("\"status\":\"degraded\""))
                #expect(text(r).contains("2021.yaml:2:5: error: unknown body"))
            }
            try await client.execute(uri: "/", method: .get) { r in
                #expect(text(r).contains("Kalenderfilerna har fel"))
                #expect(text(r).contains("did you mean &quot;ledningsgruppen&quot;?"))
            }
            try await client.execute(uri: "/metrics", method: .get) {
                #expect(text($0).contains("kalendarium_reload_failures_total 1"))
            }
            try f.write("2021.yaml", good.replacing("    date: 2021-11-19\n", with: "    date: 2021-11-26\n"))
            #expect(await f.watcher.reload(reason: .start) == true)
            try await client.execute(uri: "/calendars/all.ics", method: .get) { r in
                #expect(r.headers[.eTag] != etag)
                #expect(text(r).contains("20211126T083000"))
            }
            try await client.execute(uri: "/healthz", method: .get) { #expect(text($0).contains("\"status\":\"ok\"")) }
        }
    }
}

func text(_ response: TestResponse) -> String { String(buffer: response.body) }
