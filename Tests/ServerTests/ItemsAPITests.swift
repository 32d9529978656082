import Foundation
import Hummingbird
import HummingbirdTesting
import KalendariumCore
import Store
import Testing

@testable import Server

@Suite struct ItemsAPITests {
    static let token = "api-token-0123456789abcdef"

    func app() async throws -> Application<RouterResponder<AppRequestContext>> {
        let fixture = try await Fixture()
        let store = try SQLiteStore(directory: fixture.directory + "/../api-state")
        let api = ItemsAPI(store: store, state: fixture.state, token: Self.token, now: { Fixture.now })
        return Application(
            router: buildRouter(state: fixture.state, metrics: fixture.metrics, items: api, now: { Fixture.now }))
    }

    func body(_ json: String) -> ByteBuffer { ByteBuffer(string: json) }
    var auth: HTTPFields { [.authorization: "Bearer \(Self.token)", .contentType: "application/json"] }

    @Test func createReadListAndPatch() async throws {
        try await app().test(.router) { client in
            let created = try await client.execute(
                uri: "/api/v1/items", method: .post, headers: auth,
                body: body(
                    #"{"title":"Besvara remissen","body":"ledningsgruppen","owners":["role:kansli"],"due":"2021-01-15"}"#
                )
            ) { r in
                #expect(r.status == .created)
                #expect(r.headers[.location] == "/api/v1/items/1")
                return try JSONDecoder().decode(ItemDocument.self, from: Data(r.body.readableBytesView))
            }
            #expect(created.status == "open" && created.owners == ["role:kansli"])
            try await client.execute(uri: "/api/v1/items/1", method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: "/api/v1/items?status=open&body=ledningsgruppen", method: .get) { r in
                #expect(String(buffer: r.body).hasPrefix("[{\"body\":\"ledningsgruppen\""))
            }
            try await client.execute(
                uri: "/api/v1/items/1", method: .patch, headers: auth,
                body: body(#"{"status":"in-progress","note":"Pågår","due":null}"#)
            ) { r in
                #expect(r.status == .ok)
                let item = try JSONDecoder().decode(ItemDocument.self, from: Data(r.body.readableBytesView))
                #expect(item.status == "in-progress" && item.due == nil)
                #expect(item.history.map(\.date) == ["2021-01-01"])
            }
        }
    }

    @Test func writesNeedTheToken() async throws {
        try await app().test(.router) { client in
            let new = body(#"{"title":"x","body":"ledningsgruppen","owners":["role:kansli"]}"#)
            try await client.execute(uri: "/api/v1/items", method: .post, body: new) { r in
                #expect(r.status == .unauthorized)
                #expect(r.headers[.wwwAuthenticate] == "Bearer realm=\"kalendarium\"")
            }
            try await client.execute(
                uri: "/api/v1/items", method: .post, headers: [.authorization: "Bearer wrong"], body: new
            ) {
                #expect($0.status == .unauthorized)
            }
            // /metrics counts them with their own status, not as 500.
            try await client.execute(uri: "/metrics", method: .get) { r in
                let text = String(buffer: r.body)
                #expect(text.contains(#"route="/api/v1/items",method="POST",status="401""#))
                #expect(!text.contains(#"status="500""#))
            }
            // The scheme is case-insensitive (RFC 9110).
            try await client.execute(
                uri: "/api/v1/items", method: .post,
                headers: [.authorization: "bearer \(Self.token)", .contentType: "application/json"], body: new
            ) {
                #expect($0.status == .created)
            }
        }
    }

    @Test func badRequestsAre400Or422WithAMessage() async throws {
        try await app().test(.router) { client in
            let cases: [(String, HTTPResponse.Status, String)] = [
                ("not json", .badRequest, "the body is not valid JSON"),
                (#"{"title":"x","owners":["role:kansli"]}"#, .unprocessableContent, "missing field \"body\""),
                (
                    #"{"title":"x","body":"ledningsgrupp","owners":["role:kansli"]}"#, .unprocessableContent,
                    "unknown body \"ledningsgrupp\" (did you mean \"ledningsgruppen\"?)"
                ),
                (
                    #"{"title":"x","body":"ledningsgruppen","owners":["kansli"]}"#, .unprocessableContent,
                    "owner \"kansli\" is not person:, role:, network: or municipality:"
                ),
                (
                    #"{"title":"x","body":"ledningsgruppen","owners":["role:kansli"],"due":"2021-02-30"}"#,
                    .unprocessableContent,
                    "due \"2021-02-30\" is not YYYY-MM-DD"
                ),
                (
                    #"{"title":5,"body":"ledningsgruppen","owners":[]}"#, .unprocessableContent,
                    "field \"title\" has the wrong type"
                ),
            ]
            for (json, status, message) in cases {
                try await client.execute(uri: "/api/v1/items", method: .post, headers: auth, body: body(json)) { r in
                    #expect(r.status == status, "\(json)")
                    #expect(
                        String(buffer: r.body) == "{\"error\":\"\(message.replacing("\"", with: "\\\""))\"}", "\(json)")
                }
            }
            try await client.execute(uri: "/api/v1/items/99", method: .get) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/api/v1/items/abc", method: .get) { #expect($0.status == .badRequest) }
            try await client.execute(
                uri: "/api/v1/items/1", method: .patch, headers: auth, body: body(#"{"colour":"red"}"#)
            ) {
                #expect($0.status == .unprocessableContent)
            }
            try await client.execute(uri: "/api/v1/items?status=maybe", method: .get) {
                #expect($0.status == .badRequest)
            }
            try await client.execute(
                uri: "/api/v1/items", method: .post, headers: auth,
                body: ByteBuffer(repeating: 0x20, count: 70 * 1024)
            ) { #expect($0.status == .contentTooLarge) }
            try await client.execute(uri: "/api/v1/items", method: .delete) { #expect($0.status == .methodNotAllowed) }
        }
    }

    @Test func theOpenAPIDocumentIsServed() async throws {
        try await app().test(.router) { client in
            try await client.execute(uri: "/openapi.yaml", method: .get) { r in
                #expect(r.status == .ok)
                #expect(String(buffer: r.body).hasPrefix("openapi: 3.1.0"))
            }
        }
    }
}
