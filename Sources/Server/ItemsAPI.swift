import Foundation
public import Hummingbird
public import KalendariumCore
import NIOCore
public import Store

/// `/api/v1/items`: the outstanding items as JSON. Reads are open like the feeds;
/// writes need `Authorization: Bearer <token>`, compared in constant time. Every
/// mistake in a request is a 400 or 422 with a message, never a 500.
public struct ItemsAPI: Sendable {
    let store: any Store
    let state: CalendarState
    /// nil: writes are refused (no token configured).
    let token: String?
    let now: @Sendable () -> UTCInstant

    public init(store: any Store, state: CalendarState, token: String?, now: @escaping @Sendable () -> UTCInstant) {
        self.store = store
        self.state = state
        self.token = token
        self.now = now
    }

    /// What POST accepts.
    struct NewItem: Decodable {
        let title: String
        let body: String
        let owners: [String]
        let description: String?
        let due: String?
        let meeting: String?
        let decision: String?
        let status: String?
    }

    /// What PATCH accepts; absent keys stay as they are, `"due": null` clears the date.
    struct Patch: Decodable {
        let title: String?
        let description: String?
        let owners: [String]?
        let due: String??
        let status: String?
        let note: String?

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            let known = Set(CodingKeys.allCases.map(\.rawValue))
            let given = try decoder.container(keyedBy: AnyKey.self).allKeys.map(\.stringValue)
            if let unknown = given.first(where: { !known.contains($0) }) {
                throw APIError(
                    .unprocessableContent,
                    "unknown field \"\(unknown)\"; allowed: \(known.sorted().joined(separator: ", "))")
            }
            title = try c.decodeIfPresent(String.self, forKey: .title)
            description = try c.decodeIfPresent(String.self, forKey: .description)
            owners = try c.decodeIfPresent([String].self, forKey: .owners)
            due =
                c.contains(.due)
                ? .some(try c.decodeNil(forKey: .due) ? nil : try c.decode(String.self, forKey: .due)) : nil
            status = try c.decodeIfPresent(String.self, forKey: .status)
            note = try c.decodeIfPresent(String.self, forKey: .note)
        }

        enum CodingKeys: String, CodingKey, CaseIterable { case title, description, owners, due, status, note }
    }

    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
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

    /// A database that does not answer is a 503 with the reason, not a bare 500.
    static func available(_ body: () async throws -> Response) async throws -> Response {
        do {
            return try await body()
        } catch let error as StoreError where error.unavailable {
            throw APIError(.serviceUnavailable, error.description)
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
        let new: NewItem = try await decode(request)
        guard let data = state.published?.data else {
            throw APIError(.serviceUnavailable, "no calendar data loaded yet")
        }
        var owners: [Owner] = []
        for text in new.owners {
            guard let owner = Owner(text) else {
                throw APIError(
                    .unprocessableContent, "owner \"\(text)\" is not person:, role:, network: or municipality:")
            }
            owners.append(owner)
        }
        var status = Item.Status.open
        if let text = new.status {
            guard let s = Item.Status(rawValue: text) else {
                throw APIError(.unprocessableContent, "status \"\(text)\" is not open, in-progress, done or cancelled")
            }
            status = s
        }
        let item = Item(
            title: new.title, description: new.description ?? "", body: new.body, meeting: new.meeting,
            decision: new.decision, owners: owners, due: try new.due.map(date), status: status)
        let problems = item.problems(in: data)
        guard problems.isEmpty else { throw APIError(.unprocessableContent, problems.joined(separator: "; ")) }
        let saved = try await store.addItem(item)
        var response = try json(.created, ItemDocument(saved))
        response.headers[.location] = "/api/v1/items/\(saved.id ?? 0)"
        return response
    }

    func update(_ id: String, _ request: Request) async throws -> Response {
        try authorize(request)
        guard let number = Int64(id) else { throw APIError(.badRequest, "\"\(id)\" is not an item id") }
        let patch: Patch = try await decode(request)
        guard let existing = try await store.item(id: number) else {
            throw APIError(.notFound, "no item with id \(number)")
        }
        var change = ItemChange(title: patch.title, description: patch.description, note: patch.note)
        if let owners = patch.owners {
            change.owners = try owners.map { text in
                guard let o = Owner(text) else {
                    throw APIError(.unprocessableContent, "owner \"\(text)\" is not valid")
                }
                return o
            }
        }
        if let due = patch.due { change.due = .some(try due.map(date)) }
        if let text = patch.status {
            guard let s = Item.Status(rawValue: text) else {
                throw APIError(.unprocessableContent, "status \"\(text)\" is not open, in-progress, done or cancelled")
            }
            change.status = s
        }
        if let data = state.published?.data {
            var preview = existing
            if let t = change.title { preview.title = t }
            if let o = change.owners { preview.owners = o }
            let problems = preview.problems(in: data)
            guard problems.isEmpty else { throw APIError(.unprocessableContent, problems.joined(separator: "; ")) }
        }
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

    func decode<T: Decodable>(_ request: Request) async throws -> T {
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
        do {
            return try JSONDecoder().decode(T.self, from: Data(buffer.readableBytesView))
        } catch let error as APIError {
            throw error
        } catch DecodingError.keyNotFound(let key, _) {
            throw APIError(.unprocessableContent, "missing field \"\(key.stringValue)\"")
        } catch DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context) {
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw APIError(.unprocessableContent, "field \"\(path)\" has the wrong type")
        } catch {
            throw APIError(.badRequest, "the body is not valid JSON")
        }
    }

    func date(_ text: String) throws -> LocalDate {
        guard let d = LocalDate(iso: text) else {
            throw APIError(.unprocessableContent, "due \"\(text)\" is not YYYY-MM-DD")
        }
        return d
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

/// An API error: its status and a message, sent as `{"error": "..."}`.
struct APIError: HTTPResponseError {
    let status: HTTPResponse.Status
    let message: String

    init(_ status: HTTPResponse.Status, _ message: String) {
        self.status = status
        self.message = message
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        if status == .unauthorized { headers[.wwwAuthenticate] = "Bearer realm=\"kalendarium\"" }
        let body = (try? JSONEncoder().encode(["error": message])) ?? Data("{}".utf8)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}
