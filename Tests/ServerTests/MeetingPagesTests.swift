import Foundation
import Hummingbird
import HummingbirdTesting
import KalendariumCore
import Store
import Testing

@testable import Server

/// `/meetings/{id}`, its papers, the members-only tokens and the agenda API, on the
/// shipped data with a SQLite store of their own.
@Suite struct MeetingPagesTests {
    static let apiToken = "api-token-0123456789abcdef"
    static let meeting = "ledningsgruppen-2021-08-20"
    static let draftMeeting = "ledningsgruppen-2021-11-19"
    static let pdf = Array("%PDF-1.4\n% Kalendarium\ntrailer <<>>\n%%EOF\n".utf8)

    struct Setup {
        let fixture: Fixture
        let store: SQLiteStore
        let app: Application<RouterResponder<AppRequestContext>>
    }

    func setup(members: Bool = false) async throws -> Setup {
        let fixture = try await Fixture(load: false)
        if members {
            let path = fixture.directory + "/bodies.yaml"
            let text = try String(contentsOfFile: path, encoding: .utf8)
            try fixture.write(
                "bodies.yaml",
                text.replacingOccurrences(
                    of: "    color: teal", with: "    visibility: members\n    color: teal"))
        }
        try fixture.publish()
        let store = try SQLiteStore(directory: fixture.directory + "/../pages-state")
        let router = buildRouter(
            state: fixture.state, metrics: fixture.metrics,
            items: ItemsAPI(store: store, state: fixture.state, token: Self.apiToken, now: { Fixture.now }),
            agendas: AgendaAPI(store: store, state: fixture.state, token: Self.apiToken, now: { Fixture.now }),
            meetings: MeetingRoutes(state: fixture.state, store: store), now: { Fixture.now })
        return Setup(fixture: fixture, store: store, app: Application(router: router))
    }

    /// The meeting's template agenda with one paper on point 1, published or not.
    func store(_ setup: Setup, _ id: String, publish: Bool, paper: String = "Underlag-VP.pdf") async throws {
        let data = setup.fixture.state.published!.data
        let meeting = data.meetings.first { $0.id == id }!
        let file = StoredPaper(meeting: id, name: paper, contentType: "application/pdf", bytes: Self.pdf)
        _ = try await setup.store.updateAgenda(
            meeting: id, create: { data.newAgenda(for: meeting) }, papers: [file]
        ) { (agenda: inout Agenda) throws(AgendaError) in
            try agenda.attach(file.paper, to: 1, at: Fixture.now)
            if publish { try agenda.publish(at: Fixture.now) }
        }
    }

    @Test func thePageShowsThePublishedAgendaOnly() async throws {
        let setup = try await setup()
        try await store(setup, Self.meeting, publish: true)
        try await store(setup, Self.draftMeeting, publish: false)
        try await setup.app.test(.router) { client in
            let etag = try await client.execute(uri: "/meetings/\(Self.meeting)", method: .get) { r in
                #expect(r.status == .ok)
                #expect(r.headers[.contentType] == "text/html; charset=utf-8")
                let html = String(buffer: r.body)
                #expect(html.contains("Välkommen"))
                #expect(html.contains("(version 1)"))
                #expect(html.contains("/meetings/\(Self.meeting)/papers/Underlag-VP.pdf"))
                return r.headers[.eTag]
            }
            try await client.execute(
                uri: "/meetings/\(Self.meeting)", method: .get, headers: [.ifNoneMatch: etag ?? "-"]
            ) { #expect($0.status == .notModified) }
            try await client.execute(uri: "/meetings/\(Self.draftMeeting)", method: .get) { r in
                #expect(r.status == .ok)
                let html = String(buffer: r.body)
                #expect(html.contains("Dagordningen är inte publicerad än"))
                #expect(!html.contains("Underlag-VP.pdf"))
            }
            try await client.execute(uri: "/meetings/ledningsgruppen-2031-01-01", method: .get) { r in
                #expect(r.status == .notFound)
                #expect(String(buffer: r.body).contains("Mötet finns inte"))
            }
        }
    }

    @Test func papersDownloadWithTheirHeadersAndNoPathTricks() async throws {
        let setup = try await setup()
        try await store(setup, Self.meeting, publish: true, paper: "Förslag-VP.pdf")
        try await store(setup, Self.draftMeeting, publish: false, paper: "Utkast.pdf")
        let base = "/meetings/\(Self.meeting)/papers/"
        try await setup.app.test(.router) { client in
            let etag = try await client.execute(uri: base + "F%C3%B6rslag-VP.pdf", method: .get) { r in
                #expect(r.status == .ok)
                #expect(Array(r.body.readableBytesView) == Self.pdf)
                #expect(r.headers[.contentType] == "application/pdf")
                #expect(r.headers[.xContentTypeOptions] == "nosniff")
                #expect(
                    r.headers[.contentDisposition]
                        == "attachment; filename=\"Forslag-VP.pdf\"; filename*=UTF-8''F%C3%B6rslag-VP.pdf")
                return r.headers[.eTag]
            }
            #expect(etag?.count == 66)
            try await client.execute(
                uri: base + "F%C3%B6rslag-VP.pdf", method: .get, headers: [.ifNoneMatch: etag ?? "-"]
            ) { #expect($0.status == .notModified) }
            for trick in [
                "..%2F..%2Fkalendarium.sqlite", "%2E%2E", "F%C3%B6rslag-VP.pdf%00.txt", "Nope.pdf", ".hidden.pdf",
                "a%5Cb.pdf",
            ] {
                try await client.execute(uri: base + trick, method: .get) { r in
                    #expect(r.status == .notFound, "\(trick)")
                }
            }
            try await client.execute(uri: "/meetings/\(Self.draftMeeting)/papers/Utkast.pdf", method: .get) {
                #expect($0.status == .notFound)
            }
        }
    }

    @Test func aMembersOnlyBodyNeedsThePersonalToken() async throws {
        let setup = try await setup(members: true)
        try await store(setup, Self.meeting, publish: true)
        let tokens = AgendaTokens(secret: try await setup.store.agendaTokenSecret())
        // kd.huddinge@example.org is a kommundirektör: a member of ledningsgruppen.
        let member = tokens.token(meeting: Self.meeting, email: "KD.Huddinge@example.org")
        let outsider = tokens.token(meeting: Self.meeting, email: "kso.haninge@example.org")
        let page = "/meetings/\(Self.meeting)"
        try await setup.app.test(.router) { client in
            try await client.execute(uri: page, method: .get) { r in
                #expect(r.status == .ok)
                let html = String(buffer: r.body)
                #expect(html.contains("Dagordningen visas för kommitténs ledamöter"))
                #expect(!html.contains("Välkommen"))
            }
            try await client.execute(uri: page + "/papers/Underlag-VP.pdf", method: .get) {
                #expect($0.status == .forbidden)
            }
            for wrong in [outsider, String(member.dropLast()) + (member.hasSuffix("0") ? "1" : "0"), ""] {
                try await client.execute(uri: page + "/papers/Underlag-VP.pdf?token=\(wrong)", method: .get) {
                    #expect($0.status == .forbidden)
                }
            }
            try await client.execute(uri: page + "?token=\(member)", method: .get) { r in
                let html = String(buffer: r.body)
                #expect(html.contains("Välkommen"))
                #expect(html.contains("papers/Underlag-VP.pdf?token=\(member)"))
            }
            try await client.execute(uri: page + "/papers/Underlag-VP.pdf?token=\(member)", method: .get) {
                #expect($0.status == .ok)
            }
            try await client.execute(uri: "/api/v1/meetings/\(Self.meeting)/agenda", method: .get) {
                #expect($0.status == .forbidden)
            }
        }
        // A rotated secret makes every earlier link useless.
        _ = try await setup.store.rotateAgendaTokenSecret()
        try await setup.app.test(.router) { client in
            try await client.execute(uri: page + "/papers/Underlag-VP.pdf?token=\(member)", method: .get) {
                #expect($0.status == .forbidden)
            }
        }
    }

    @Test func theAgendaAPIRoundTrip() async throws {
        let setup = try await setup()
        let base = "/api/v1/meetings/\(Self.draftMeeting)/agenda"
        let auth: HTTPFields = [.authorization: "Bearer \(Self.apiToken)", .contentType: "application/json"]
        try await setup.app.test(.router) { client in
            try await client.execute(
                uri: base + "/points", method: .post, headers: auth,
                body: ByteBuffer(
                    string: #"{"title":"Elektrifiering","kind":"discussion","time":"09:00-09:30","after":1}"#)
            ) { r in
                #expect(r.status == .created)
                let points = try Self.json(r)["points"] as? [[String: Any]] ?? []
                #expect(points[1]["title"] as? String == "Elektrifiering")
                #expect(points[1]["slot"] as? String == "09:00–09:30")
            }
            try await client.execute(
                uri: base + "/points/2/move", method: .post, headers: auth, body: ByteBuffer(string: #"{"to":3}"#)
            ) { r in
                let points = try Self.json(r)["points"] as? [[String: Any]] ?? []
                #expect(points[2]["title"] as? String == "Elektrifiering")
            }
            // Unpublished: the public view has no points.
            try await client.execute(uri: base, method: .get) { r in
                #expect(r.status == .ok)
                let document = try Self.json(r)
                #expect(document["state"] as? String == "draft")
                #expect((document["points"] as? [Any])?.isEmpty == true)
            }
            try await client.execute(uri: base + "/publish", method: .post, headers: auth) { r in
                #expect(r.status == .ok)
                let document = try Self.json(r)
                #expect(document["version"] as? Int == 1)
            }
            try await client.execute(uri: "/api/v1/meetings/next:ledningsgruppen/agenda", method: .get) { r in
                #expect(r.status == .ok)
                let document = try Self.json(r)
                #expect(document["meeting"] as? String == "ledningsgruppen-2021-01-22")
            }
            try await client.execute(uri: base, method: .get) { r in
                let published = try Self.json(r)["published"] as? [String: Any]
                let points = published?["points"] as? [[String: Any]] ?? []
                #expect(points[2]["title"] as? String == "Elektrifiering")
            }
            // Mistakes, each with its status and a message.
            let mistakes: [(String, HTTPRequest.Method, String, HTTPResponse.Status)] = [
                ("/publish", .post, "", .conflict),
                ("/points/99", .patch, #"{"title":"x"}"#, .notFound),
                ("/points/1", .patch, #"{"titel":"x"}"#, .unprocessableContent),
                ("/points/1", .patch, #"{"time":"nine"}"#, .unprocessableContent),
                ("/points/1/move", .post, #"{"to":0}"#, .unprocessableContent),
                ("/points/1/move", .post, #"{"to":"#, .badRequest),
                ("/points/x", .delete, "", .badRequest),
                ("/proposals/42/accept", .post, "", .notFound),
                ("/points/1/papers?name=evil.exe", .post, "MZ", .unprocessableContent),
            ]
            for (path, method, text, status) in mistakes {
                var headers = auth
                if path.contains("papers") { headers[.contentType] = "application/octet-stream" }
                try await client.execute(
                    uri: base + path, method: method, headers: headers, body: ByteBuffer(string: text)
                ) { r in
                    #expect(r.status == status, "\(method) \(path)")
                    let document = try Self.json(r)
                    #expect(document["error"] is String, "\(method) \(path)")
                }
            }
            try await client.execute(uri: "/api/v1/meetings/ledningsgruppen-2031-01-01/agenda", method: .get) {
                #expect($0.status == .notFound)
            }
            try await client.execute(uri: base + "/publish", method: .post) { #expect($0.status == .unauthorized) }
            // A paper too large is refused, its bytes read no further than the limit.
            var big = ByteBuffer(string: "%PDF-")
            big.writeRepeatingByte(0x20, count: PaperContent.maximumBytes)
            try await client.execute(
                uri: base + "/points/1/papers?name=big.pdf", method: .post,
                headers: [.authorization: "Bearer \(Self.apiToken)", .contentType: "application/pdf"], body: big
            ) { #expect($0.status == .contentTooLarge) }
            try await client.execute(
                uri: base + "/points/1/papers?name=Underlag.pdf", method: .post,
                headers: [.authorization: "Bearer \(Self.apiToken)", .contentType: "application/pdf"],
                body: ByteBuffer(bytes: Self.pdf)
            ) { #expect($0.status == .created) }
            try await client.execute(uri: "/meetings/\(Self.draftMeeting)/papers/Underlag.pdf", method: .get) { r in
                #expect(r.status == .ok)
                #expect(Array(r.body.readableBytesView) == Self.pdf)
            }
        }
    }

    static func json(_ r: TestResponse) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(r.body.readableBytesView)) as? [String: Any] ?? [:]
    }

    @Test func contentDispositionFallsBackToASCII() {
        #expect(ContentDisposition.asciiFallback("Åtgärdsplan-Södertälje.pdf") == "Atgardsplan-Sodertalje.pdf")
        #expect(ContentDisposition.extendedValue("Å b.pdf") == "%C3%85%20b.pdf")
    }
}
