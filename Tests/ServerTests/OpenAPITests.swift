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

    @Test func everyDocumentedOperationReachesItsHandler() async throws {
        let operations = Self.operations()
        #expect(operations.count == 4)
        let fixture = try await Fixture()
        let api = ItemsAPI(
            store: try SQLiteStore(directory: fixture.directory + "/../openapi-state"), state: fixture.state,
            token: "api-token-0123456789abcdef", now: { Fixture.now })
        let app = Application(
            router: buildRouter(state: fixture.state, metrics: fixture.metrics, items: api, now: { Fixture.now }))
        try await app.test(.router) { client in
            for (path, method) in operations {
                let uri = path.replacing("{id}", with: "1")
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
        let api = ItemsAPI(
            store: try SQLiteStore(directory: fixture.directory + "/../openapi-routes"), state: fixture.state,
            token: nil, now: { Fixture.now })
        let router = buildRouter(state: fixture.state, metrics: fixture.metrics, items: api, now: { Fixture.now })
        // Hummingbird writes a parameter as {id} or :id, by version; the document writes {id}.
        let served = Set(
            router.routes.filter { "\($0.path)".hasPrefix("/api/") && $0.method != .head }
                .map { "\($0.method) " + "\($0.path)".replacing(":id", with: "{id}") })
        let documented = Set(Self.operations().map { "\($0.method) \($0.path)" })
        #expect(served == documented)
        // And the 405 guard allows exactly those methods (and HEAD) on each path.
        for path in Set(Self.operations().map(\.path)) {
            let allowed = Set(MethodGuardMiddleware<AppRequestContext>.allowed(path.replacing("{id}", with: "1")))
            let methods = Set(Self.operations().filter { $0.path == path }.map(\.method))
            #expect(allowed.subtracting([.head]) == methods, "\(path)")
        }
    }
}
