import Foundation
import Hummingbird
import HummingbirdTesting
import Store
import Testing

@testable import Server

/// `openapi.yaml` (a resource of the Server target) documents exactly the API the
/// router answers: every documented operation reaches its handler, and every method the
/// server allows on an API path is documented.
@Suite struct OpenAPITests {
    /// The documented operations, read off the file's `paths:` section.
    static func operations() -> [(path: String, method: HTTPRequest.Method)] {
        var result: [(String, HTTPRequest.Method)] = []
        var path: String?
        for line in OpenAPIDocument.yaml.split(separator: "\n") {
            if line.hasPrefix("  /"), line.hasSuffix(":") { path = String(line.dropFirst(2).dropLast()) }
            if !line.hasPrefix(" ") { path = line.hasPrefix("paths:") ? path : nil }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if let path, line.hasPrefix("    "), !line.hasPrefix("     "), trimmed.hasSuffix(":"),
                let method = HTTPRequest.Method(String(trimmed.dropLast()).uppercased()), trimmed != "parameters:"
            {
                result.append((path, method))
            }
        }
        return result
    }

    /// A documented path with its parameters filled in.
    static func example(_ path: String) -> String {
        path.replacing("/meetings/{id}", with: "/meetings/ledningsgruppen-2021-11-19").replacing("{id}", with: "1")
            .replacing("{n}", with: "1").replacing("{key}", with: "1")
    }

    @Test func everyDocumentedOperationReachesItsHandler() async throws {
        let operations = Self.operations()
        #expect(operations.count == 25)
        let fixture = try await Fixture()
        let store = try SQLiteStore(directory: fixture.directory + "/../openapi-state")
        let token = "api-token-0123456789abcdef"
        let api = ItemsAPI(store: store, state: fixture.state, token: token, now: { Fixture.now })
        let agendas = AgendaAPI(store: store, state: fixture.state, token: token, now: { Fixture.now })
        let minutes = MinutesAPI(store: store, agendas: agendas, token: token, now: { Fixture.now })
        let answers = AnswersAPI(store: store, agendas: agendas, token: token, now: { Fixture.now })
        let app = Application(
            router: buildRouter(
                state: fixture.state, metrics: fixture.metrics, items: api, agendas: agendas, minutes: minutes,
                answers: answers, now: { Fixture.now }))
        try await app.test(.router) { client in
            for (path, method) in operations {
                let uri = Self.example(path)
                try await client.execute(uri: uri, method: method, body: ByteBuffer(string: "{}")) { r in
                    // A handler answers JSON (an item, a list, or {"error": …}); a route that
                    // does not exist would be Hummingbird's bare 404, a method the 405.
                    #expect(r.headers[.contentType]?.hasPrefix("application/json") == true, "\(method) \(path)")
                    #expect(r.status != .methodNotAllowed, "\(method) \(path)")
                }
            }
        }
    }

    @Test func theRouterHasExactlyTheDocumentedAPI() async throws {
        let fixture = try await Fixture()
        let store = try SQLiteStore(directory: fixture.directory + "/../openapi-routes")
        let api = ItemsAPI(store: store, state: fixture.state, token: nil, now: { Fixture.now })
        let agendas = AgendaAPI(store: store, state: fixture.state, token: nil, now: { Fixture.now })
        let minutes = MinutesAPI(store: store, agendas: agendas, token: nil, now: { Fixture.now })
        let answers = AnswersAPI(store: store, agendas: agendas, token: nil, now: { Fixture.now })
        let router = buildRouter(
            state: fixture.state, metrics: fixture.metrics, items: api, agendas: agendas, minutes: minutes,
            answers: answers, now: { Fixture.now })
        // Hummingbird writes a parameter as {id} or :id, by version; the document writes {id}.
        let served = Set(
            router.routes.filter { "\($0.path)".hasPrefix("/api/") && $0.method != .head }
                .map { route in
                    "\(route.method) "
                        + "\(route.path)".replacing(/:([a-z]+)/) { "{\($0.output.1)}" }
                })
        let documented = Set(Self.operations().map { "\($0.method) \($0.path)" })
        #expect(served == documented)
        // And the 405 guard allows exactly those methods (and HEAD) on each path.
        for path in Set(Self.operations().map(\.path)) {
            let allowed = Set(MethodGuardMiddleware<AppRequestContext>.allowed(Self.example(path)))
            let methods = Set(Self.operations().filter { $0.path == path }.map(\.method))
            #expect(allowed.subtracting([.head]) == methods, "\(path)")
        }
    }
}
