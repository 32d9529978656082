import Foundation
public import Hummingbird
public import KalendariumCore
import NIOCore
public import Store

/// `/api/v1/items`: the outstanding items as JSON. Reads are open like the feeds;
/// writes need `Authorization: Bearer <token>`, compared in constant time. Every
/// mistake in a request is a 400 or 422 with a message, never a 500. Bodies are read by
/// Hummingbird's `request.decode` (the context's `ItemsRequestDecoder`) and answers are
/// `ResponseEncodable`, encoded by the context's encoder.
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

    public func register(on router: Router<AppRequestContext>) {
        router.get("/api/v1/items") { request, _ in try await Self.available { try await self.list(request) } }
        router.get("/api/v1/items/{id}") { _, context in
            try await Self.available { try await self.show(context.parameters.require("id")) }
        }
        router.post("/api/v1/items") { request, context in
            try await Self.available { try await self.create(request, context) }
        }
        router.patch("/api/v1/items/{id}") { request, context in
            try await Self.available { try await self.update(context.parameters.require("id"), request, context) }
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
    static func available<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as StoreError {
            throw APIError(error.unavailable ? .serviceUnavailable : .internalServerError, error.description)
        }
    }

    func list(_ request: Request) async throws -> [ItemBody] {
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
        if let series = q.get("series") {
            guard let id = Int64(series) else { throw APIError(.badRequest, "series=\(series) is not an item id") }
            filter.series = id
        }
        return try await store.items(filter).map(ItemBody.init)
    }

    func show(_ id: String) async throws -> ItemBody {
        guard let number = Int64(id) else { throw APIError(.badRequest, "\"\(id)\" is not an item id") }
        guard let item = try await store.item(id: number) else {
            throw APIError(.notFound, "no item with id \(number)")
        }
        return ItemBody(item)
    }

    func create(_ request: Request, _ context: AppRequestContext) async throws -> EditedResponse<ItemBody> {
        try authorize(request)
        let new = try await request.decode(as: ItemRequests.NewItem.self, context: context)
        guard let data = state.published?.data else {
            throw APIError(.serviceUnavailable, "no calendar data loaded yet")
        }
        let saved = try await store.addItem(try ItemRequests.newItem(new, in: data))
        return EditedResponse(
            status: .created, headers: [.location: "/api/v1/items/\(saved.id ?? 0)"], response: ItemBody(saved))
    }

    func update(_ id: String, _ request: Request, _ context: AppRequestContext) async throws -> ItemBody {
        try authorize(request)
        guard let number = Int64(id) else { throw APIError(.badRequest, "\"\(id)\" is not an item id") }
        let patch = try await request.decode(as: ItemRequests.Patch.self, context: context)
        guard let existing = try await store.item(id: number) else {
            throw APIError(.notFound, "no item with id \(number)")
        }
        let change = try ItemRequests.change(patch, to: existing, in: state.published?.data)
        return ItemBody(try await store.updateItem(id: number, change, on: StockholmTime.local(now()).date))
    }

    func authorize(_ request: Request) throws { try BearerAuthorization.check(request, token: token) }
}
