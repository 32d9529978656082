import Foundation
public import Hummingbird
public import KalendariumCore
import NIOCore
public import Store

/// `/api/v1/items`: the outstanding items as JSON. Reads are open like the feeds;
/// writes need `Authorization: Bearer <token>`, compared in constant time. Every
/// mistake in a request is a 400 or 422 with a message, never a 500.
public struct ItemsAPI: Sendable {
    let store: any ItemStore
    let state: CalendarState
    /// nil: writes are refused (no token configured).
    let token: String?
    let now: @Sendable () -> UTCInstant

    public init(store: any ItemStore, state: CalendarState, token: String?, now: @escaping @Sendable () -> UTCInstant) {
        self.store = store
        self.state = state
        self.token = token
        self.now = now
    }

    public func register(on router: Router<BasicRequestContext>) {
        router.get("/api/v1/items") { request, _ in try await Self.available { try await self.list(request) } }
        router.get("/api/v1/items/{id}") { _, context in
            try await Self.available { try await self.show(context.parameters.require("id")) }
        }
        router.post("/api/v1/items") { request, _ in try await Self.available { try await self.create(request) } }
        router.patch("/api/v1/items/{id}") { request, context in
            try await Self.available { try await self.update(context.parameters.require("id"), request) }
        }
        router.get("/openapi.yaml") { _, _ in
            var headers = HTTPFields()
            headers[.contentType] = "application/yaml; charset=utf-8"
            return Response(
                status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.yaml)))
        }
    }

    /// A database that does not answer, or a full disk, is a 503 with the reason; any
    /// other store failure is a 500 that still says what went wrong, never a bare one.
    static func available(_ body: () async throws -> Response) async throws -> Response {
        do {
            return try await body()
        } catch let error as StoreError {
            throw APIError(error.unavailable ? .serviceUnavailable : .internalServerError, error.description)
        }
    }

    func list(_ request: Request) async throws -> Response {
        let q = request.uri.queryParameters
        var filter = ItemFilter(body: q.get("body"))
        if let owner = q.get("owner") {
            guard let o = Owner(owner) else {
                throw APIError(.badRequest, "owner=\(owner) is not person:, role:, network: or municipality:")
            }
            filter.owner = o
        }
        if let status = q.get("status") {
            let statuses = try status.split(separator: ",").map { text in
                guard let s = Item.Status(rawValue: String(text)) else {
                    throw APIError(.badRequest, "status=\(text) is not open, in-progress, done or cancelled")
                }
                return s
            }
            filter.statuses = Set(statuses)
        }
        if let due = q.get("due_before") {
            guard let d = LocalDate(iso: due) else {
                throw APIError(.badRequest, "due_before=\(due) is not YYYY-MM-DD")
            }
            filter.dueBefore = d
        }
        return try json(.ok, try await store.items(filter).map(ItemDocument.init))
    }

    func show(_ id: String) async throws -> Response {
        guard let number = Int64(id) else { throw APIError(.badRequest, "\"\(id)\" is not an item id") }
        guard let item = try await store.item(id: number) else {
            throw APIError(.notFound, "no item with id \(number)")
        }
        return try json(.ok, ItemDocument(item))
    }

    func create(_ request: Request) async throws -> Response {
        try authorize(request)
        let body = try await collectBody(request)
        guard let data = state.published?.data else {
            throw APIError(.serviceUnavailable, "no calendar data loaded yet")
        }
        let saved = try await store.addItem(try ItemRequests.newItem(json: body, in: data))
        var response = try json(.created, ItemDocument(saved))
        response.headers[.location] = "/api/v1/items/\(saved.id ?? 0)"
        return response
    }

    func update(_ id: String, _ request: Request) async throws -> Response {
        try authorize(request)
        guard let number = Int64(id) else { throw APIError(.badRequest, "\"\(id)\" is not an item id") }
        let body = try await collectBody(request)
        let patch = try ItemRequests.patch(json: body)
        guard let existing = try await store.item(id: number) else {
            throw APIError(.notFound, "no item with id \(number)")
        }
        let change = try ItemRequests.change(patch, to: existing, in: state.published?.data)
        let updated = try await store.updateItem(id: number, change, on: StockholmTime.local(now()).date)
        return try json(.ok, ItemDocument(updated))
    }

    func authorize(_ request: Request) throws {
        guard let token else {
            throw APIError(.forbidden, "writes are off: set KALENDARIUM_API_TOKEN or api-token-file to allow them")
        }
        // The scheme is case-insensitive (RFC 9110 § 11.1).
        guard let header = request.headers[.authorization], header.prefix(7).lowercased() == "bearer ",
            ConstantTime.equal(String(header.dropFirst(7)), token)
        else { throw APIError(.unauthorized, "send Authorization: Bearer <token>") }
    }

    /// How long a client has to send a request body, with or without a token: a body
    /// trickled a byte at a time must not hold a connection (and a task) for ever.
    static let bodyTimeout = Duration.seconds(10)

    /// The request body, bounded in size and in time.
    func collectBody(_ request: Request) async throws -> Data {
        let buffer: ByteBuffer
        do {
            buffer = try await withThrowingTaskGroup(of: ByteBuffer?.self) { group in
                group.addTask { try await request.body.collect(upTo: 64 * 1024) }
                group.addTask {
                    try await Task.sleep(for: Self.bodyTimeout)
                    return nil
                }
                defer { group.cancelAll() }
                guard let first = try await group.next(), let body = first else {
                    throw APIError(.requestTimeout, "the body did not arrive within 10 s")
                }
                return body
            }
        } catch let error as APIError {
            throw error
        } catch is NIOTooManyBytesError {
            throw APIError(.contentTooLarge, "the body is larger than 64 KiB")
        } catch {
            throw APIError(.badRequest, "the request body is malformed: \(error)")
        }
        return Data(buffer.readableBytesView)
    }

    func json(_ status: HTTPResponse.Status, _ value: some Encodable) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(
            status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(value))))
    }
}
