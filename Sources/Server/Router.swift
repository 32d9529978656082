public import Hummingbird
public import KalendariumCore

/// The whole HTTP surface; `serve` and the tests call the same function.
/// - Parameter now: the clock, for the page's "coming meetings" (tests pass a fixed one).
public func buildRouter(
    state: CalendarState, metrics: ServerMetrics, options: ServerOptions = ServerOptions(),
    items: ItemsAPI? = nil, now: @escaping @Sendable () -> UTCInstant
) -> Router<BasicRequestContext> {
    let router = Router(context: BasicRequestContext.self, options: .autoGenerateHeadEndpoints)
    router.middlewares.add(RequestMetricsMiddleware(metrics: metrics))
    router.middlewares.add(MethodGuardMiddleware())
    let feeds = FeedRoutes(state: state, options: options)
    router.get("/calendars/{name}") { request, context in
        try feeds.respond(name: context.parameters.require("name"), request: request)
    }
    router.get("/calendars/municipality/{name}") { request, context in
        try feeds.respond(name: "municipality/" + context.parameters.require("name"), request: request)
    }
    items?.register(on: router)
    router.get("/") { _, _ in WebPage.response(state: state, options: options, now: now()) }
    router.get("/healthz") { _, _ in HealthRoute.response(state: state) }
    router.get("/metrics") { _, _ in
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
        metrics.observe(state)
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: metrics.text())))
    }
    return router
}

/// Only GET and HEAD exist here (the items API adds its own); anything else is 405
/// with the methods that are allowed, rather than a misleading 404.
struct MethodGuardMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let allowed = Self.allowed(request.uri.path)
        guard allowed.contains(request.method) else {
            var headers = HTTPFields()
            headers[.allow] = allowed.map(\.rawValue).joined(separator: ", ")
            headers[.contentType] = "text/plain; charset=utf-8"
            return Response(
                status: .methodNotAllowed, headers: headers,
                body: .init(byteBuffer: ByteBuffer(string: "\(request.method.rawValue) is not allowed here\n")))
        }
        return try await next(request, context)
    }

    /// The methods a path has, as `Allow` lists them (RFC 9110 § 10.2.1).
    static func allowed(_ path: String) -> [HTTPRequest.Method] {
        if path == "/api/v1/items" { return [.get, .head, .post] }
        if path.hasPrefix("/api/v1/items/") { return [.get, .head, .patch] }
        return [.get, .head]
    }
}

/// Counts every request by its route pattern (never the raw path, which would let
/// clients create unbounded label values), method and status.
struct RequestMetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: ServerMetrics

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            let response = try await next(request, context)
            metrics.request(
                route: context.endpointPath ?? "unmatched", method: request.method.rawValue,
                status: response.status.code)
            return response
        } catch let error as any HTTPResponseError {
            // Every error that answers with its own status (the API's 4xx among them) is
            // counted with that status, not as 500.
            metrics.request(
                route: context.endpointPath ?? "unmatched", method: request.method.rawValue, status: error.status.code)
            throw error
        } catch {
            metrics.request(route: context.endpointPath ?? "unmatched", method: request.method.rawValue, status: 500)
            throw error
        }
    }
}
