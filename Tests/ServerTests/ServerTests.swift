import CalendarFiles
import Feeds
import Foundation
import Hummingbird
import HummingbirdTesting
import KalendariumCore
import Logging
import Metrics
import Prometheus
import Testing

@testable import Server

/// Where Hummingbird's `MetricsMiddleware` records the requests of every test: swift-metrics
/// is bootstrapped once per process, as `serve` does, so the counts are shared and tests
/// only ever look for a label, never a number of requests.
enum RequestMetricsForTests {
    static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(RequestMetrics.factory(registry: registry))
        return registry
    }()
}

/// A server over a private copy of the shipped calendars, published the way the app
/// does it (read, build the feeds, swap them in) but without the app's reloader: these
/// tests are about what the server answers.
struct Fixture {
    let directory: String
    let state = CalendarState()
    let metrics = ServerMetrics(requestRegistry: RequestMetricsForTests.registry)
    let app: Application<RouterResponder<AppRequestContext>>

    static let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("calendars").path
    /// 1 January 2021, so the page has coming meetings from the shipped data.
    static let now = UTCInstant(rfc3339: "2021-01-01T09:00:00Z")!
    static let settings = FeedSettings(pageURL: "https://kalendarium.example.org/")

    init(tokens: [String: String] = [:], load: Bool = true) async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kalendarium-\(UUID().uuidString)")
            .path
        directory = root + "/calendars"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Fixture.shipped, toPath: directory)
        app = Application(
            router: buildRouter(
                state: state, metrics: metrics, options: ServerOptions(feedTokens: tokens),
                now: { Fixture.now }))
        if load { try publish() }
    }

    /// Reads the calendars, builds every feed and publishes them.
    func publish() throws {
        let load = CalendarDirectory.load(directory)
        let set = try FeedSet.build(
            data: load.data, settings: Self.settings, revisions: EventRevisions(), now: Self.now)
        state.publish(
            PublishedCalendar(
                feeds: try set.feeds.map(PublishedFeed.init), data: load.data, warnings: load.warnings,
                builtAt: Self.now, pageURL: Self.settings.pageURL, revisions: set.revisions, directory: directory,
                recipients: PeopleAndItemsFiles.recipients("\(directory)/recipients.yaml").recipients))
    }

    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: "\(directory)/\(name)"))
    }
}

func text(_ response: TestResponse) -> String { String(buffer: response.body) }

@Suite struct FeedRouteTests {
    @Test func feedsAreServedWithCachingHeaders() async throws {
        let f = try await Fixture()
        try await f.app.test(.router) { client in
            try await client.execute(uri: "/calendars/all.ics", method: .get) { r in
                #expect(r.status == .ok)
                #expect(r.headers[.contentType] == "text/calendar; charset=utf-8")
                #expect(r.headers[.eTag]?.hasPrefix("\"") == true)
                #expect(r.headers[.lastModified] == "Fri, 01 Jan 2021 09:00:00 GMT")
                #expect(r.headers[.cacheControl] == "public, max-age=300")
                #expect(r.headers[.vary] == "Accept-Encoding")
                #expect(text(r).hasPrefix("BEGIN:VCALENDAR\r\n"))
            }
            try await client.execute(uri: "/calendars/municipality/huddinge.ics", method: .get) { r in
                #expect(r.status == .ok)
                #expect(text(r).contains("X-WR-CALNAME:Södertörnskommunerna – Huddinge"))
            }
            try await client.execute(uri: "/calendars/all.ics", method: .head) { r in
                #expect(r.status == .ok)
                #expect(r.body.readableBytes == 0)
                #expect(r.headers[.eTag] != nil)
            }
        }
    }

    @Test func conditionalRequestsGet304() async throws {
        let f = try await Fixture()
        try await f.app.test(.router) { client in
            let etag = try await client.execute(uri: "/calendars/ledningsgruppen.ics", method: .get) {
                $0.headers[.eTag]!
            }
            for match in [etag, "W/\(etag)", "\"other\", \(etag)", "*"] {
                try await client.execute(
                    uri: "/calendars/ledningsgruppen.ics", method: .get, headers: [.ifNoneMatch: match]
                ) { r in
                    #expect(r.status == .notModified, "\(match)")
                    #expect(r.body.readableBytes == 0)
                    #expect(r.headers[.eTag] == etag)
                }
            }
            try await client.execute(
                uri: "/calendars/ledningsgruppen.ics", method: .get, headers: [.ifNoneMatch: "\"stale\""]
            ) {
                #expect($0.status == .ok)
            }
            try await client.execute(
                uri: "/calendars/ledningsgruppen.ics", method: .get,
                headers: [.ifModifiedSince: "Sat, 02 Jan 2021 00:00:00 GMT"]
            ) { #expect($0.status == .notModified) }
            try await client.execute(
                uri: "/calendars/ledningsgruppen.ics", method: .get,
                headers: [.ifModifiedSince: "Thu, 31 Dec 2020 00:00:00 GMT"]
            ) { #expect($0.status == .ok) }
            // If-None-Match wins over If-Modified-Since (RFC 9110 §13.1.3).
            try await client.execute(
                uri: "/calendars/ledningsgruppen.ics", method: .get,
                headers: [.ifNoneMatch: "\"stale\"", .ifModifiedSince: "Sat, 02 Jan 2021 00:00:00 GMT"]
            ) { #expect($0.status == .ok) }
        }
    }

    @Test func gzipWhenTheClientAcceptsIt() async throws {
        let f = try await Fixture()
        try await f.app.test(.router) { client in
            let plain = try await client.execute(uri: "/calendars/all.ics", method: .get) {
                ($0.headers[.eTag]!, $0.body.readableBytes)
            }
            try await client.execute(
                uri: "/calendars/all.ics", method: .get, headers: [.acceptEncoding: "br, gzip;q=0.8"]
            ) { r in
                #expect(r.headers[.contentEncoding] == "gzip")
                #expect(r.headers[.eTag] != plain.0)
                #expect(Array(r.body.readableBytesView.prefix(2)) == [0x1f, 0x8b])
                #expect(r.body.readableBytes < plain.1 / 3)
            }
            try await client.execute(uri: "/calendars/all.ics", method: .get, headers: [.acceptEncoding: "gzip;q=0"]) {
                r in
                #expect(r.headers[.contentEncoding] == nil)
            }
        }
    }

    @Test func unknownFeedsAndTraversalAre404() async throws {
        let f = try await Fixture()
        try await f.app.test(.router) { client in
            for uri in [
                "/calendars/nothing.ics", "/calendars/../Package.swift", "/calendars/%2e%2e%2fPackage.swift",
                "/calendars/municipality/..%2F..%2Fcalendars%2Fmunicipalities.yaml",
                "/calendars/municipality/stockholm.ics",
                "/calendars/", "/etc/passwd", "/calendars/all.ics/x",
            ] {
                try await client.execute(uri: uri, method: .get) { #expect($0.status == .notFound, "\(uri)") }
            }
        }
    }

    @Test func otherMethodsAre405WithAllow() async throws {
        let f = try await Fixture()
        try await f.app.test(.router) { client in
            for method in [HTTPRequest.Method.post, .put, .delete, .patch, .options] {
                try await client.execute(uri: "/calendars/all.ics", method: method) { r in
                    #expect(r.status == .methodNotAllowed, "\(method)")
                    #expect(r.headers[.allow] == "GET, HEAD")
                }
            }
        }
    }

    @Test func privateFeedsNeedTheirToken() async throws {
        let token = "s3cret-token-0123456789abcdef"
        let f = try await Fixture(tokens: ["hosts.ics": token])
        try await f.app.test(.router) { client in
            try await client.execute(uri: "/calendars/hosts.ics", method: .get) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/calendars/hosts.ics?token=wrong", method: .get) {
                #expect($0.status == .notFound)
            }
            try await client.execute(uri: "/calendars/hosts.ics?token=\(token)", method: .get) { r in
                #expect(r.status == .ok)
                #expect(r.headers[.cacheControl] == "private, max-age=300")
            }
            try await client.execute(uri: "/", method: .get) { #expect(!text($0).contains("hosts.ics")) }
        }
        #expect(
            ConstantTime.equal("abc", "abc") && !ConstantTime.equal("abc", "abd") && !ConstantTime.equal("abc", "abcd"))
        // A length difference of 256 once folded to zero.
        let secret = String(repeating: "k", count: 24)
        for padding in [1, 255, 256, 512] {
            #expect(!ConstantTime.equal(secret + String(repeating: "\0", count: padding), secret))
        }
    }

    @Test func beforeAnyDataFeedsAre503() async throws {
        let f = try await Fixture(load: false)
        try await f.app.test(.router) { client in
            try await client.execute(uri: "/calendars/all.ics", method: .get) {
                #expect($0.status == .serviceUnavailable)
            }
            try await client.execute(uri: "/healthz", method: .get) { r in
                #expect(r.status == .serviceUnavailable)
                #expect(text(r).contains("\"status\":\"degraded\""))
            }
            try await client.execute(uri: "/", method: .get) { #expect(text($0).contains("Ingen kalenderdata ännu")) }
        }
    }
}

@Suite struct PageCacheTests {
    /// The `/` page is rendered once per published state and day, and again as soon as
    /// either changes, from the state as it is then.
    @Test func thePageIsRenderedOncePerStateAndDay() {
        let state = CalendarState()
        let monday = LocalDate(year: 2026, month: 11, day: 30)!
        var renders: [[String]] = []
        func page(_ day: LocalDate) -> String {
            state.page(day: day) { _, problems in
                renders.append(problems.map(\.description))
                return "page \(renders.count)"
            }
        }
        #expect(page(monday) == "page 1")
        #expect(page(monday) == "page 1")
        state.setProblems(["2027.yaml: broken"], kind: .calendars)
        #expect(page(monday) == "page 2")
        #expect(renders.last?.count == 1)
        #expect(page(monday.adding(days: 1)) == "page 3")
        #expect(page(monday.adding(days: 1)) == "page 3")
        state.setProblems([], kind: .calendars)
        #expect(page(monday.adding(days: 1)) == "page 4" && renders.last == [])
        #expect(renders.count == 4)
    }
}

@Suite struct OperationsTests {
    @Test func healthAndMetrics() async throws {
        let f = try await Fixture()
        try await f.app.test(.router) { client in
            try await client.execute(uri: "/healthz", method: .get) { r in
                #expect(r.status == .ok)
                #expect(
                    text(r).hasPrefix(
                        "{\"built_at\":\"2021-01-01T09:00:00Z\",\"data_warnings\":5,\"feeds\":15,\"reasons\":[],\"status\":\"ok\"}"
                    ))
            }
            _ = try await client.execute(uri: "/calendars/all.ics", method: .get) { $0.status }
            _ = try await client.execute(uri: "/calendars/nope.ics", method: .get) { $0.status }
            try await client.execute(uri: "/metrics", method: .get) { r in
                let body = text(r)
                // The request counts are the process's (other tests add to them): look for the labels.
                #expect(
                    body.contains(
                        "kalendarium_http_requests_total{route=\"/calendars/{name}\",method=\"GET\",status=\"200\"} "))
                #expect(
                    body.contains(
                        "kalendarium_http_requests_total{route=\"/calendars/{name}\",method=\"GET\",status=\"404\"} "))
                #expect(body.contains("kalendarium_http_request_duration_seconds_bucket{"))
                #expect(body.contains("kalendarium_feed_builds_total "))
                #expect(body.contains("kalendarium_reload_failures_total 0"))
            }
        }
    }
}

@Suite struct WebPageTests {
    @Test func thePageShowsWhatAPersonNeeds() async throws {
        let f = try await Fixture()
        try await f.app.test(.router) { client in
            try await client.execute(uri: "/", method: .get) { r in
                #expect(r.headers[.contentType] == "text/html; charset=utf-8")
                let html = text(r)
                #expect(html.contains("<html lang=\"sv\">"))
                #expect(html.contains("href=\"webcal://kalendarium.example.org/calendars/all.ics\""))
                #expect(html.contains("href=\"https://kalendarium.example.org/calendars/municipality/salem.ics\""))
                #expect(html.contains("Google Kalender:"))
                #expect(
                    html.contains(
                        "<td>fre 22 jan 2021</td><td>08:30–11:00</td><td>Ordinarie möte (preliminärt)<br>"
                            + "<span class=\"muted\">Ordförande: Magnus Gyllestad (Haninge)</span></td>"))
                #expect(
                    html.contains("<td>2027</td><td>Salem</td><td>Nynäshamn och Haninge</td><td>Ekonomicheferna</td>"))
                #expect(
                    html.contains(
                        "<td>fre 29 nov 2019</td><td>Samarbetskommittén</td><td>annan veckodag än vanligt</td>"))
                #expect(!html.contains("{{"))
            }
        }
    }

    @Test func textFromTheDataIsEscaped() async throws {
        let f = try await Fixture()
        try f.write(
            "2021.yaml",
            "meetings:\n  - body: ledningsgruppen\n    date: 2021-01-22\n    venue: \"<script>alert(1)</script>\"\n")
        try f.publish()
        try await f.app.test(.router) { client in
            try await client.execute(uri: "/", method: .get) { r in
                #expect(!text(r).contains("<script>"))
                #expect(text(r).contains("&lt;script&gt;"))
            }
        }
    }
}
