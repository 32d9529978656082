public import Hummingbird
public import KalendariumCore

/// The whole HTTP surface; `serve` and the tests call the same function.
/// - Parameter now: the clock, for the page's "coming meetings" (tests pass a fixed one).
public func buildRouter(
    state: CalendarState, metrics: ServerMetrics, options: ServerOptions = ServerOptions(),
    items: ItemsAPI? = nil, agendas: AgendaAPI? = nil, minutes: MinutesAPI? = nil, meetings: MeetingRoutes? = nil,
    personal: PersonalFeedRoutes? = nil, answers: AnswersAPI? = nil, answerPages: AnswerRoutes? = nil,
    workspace: Workspace? = nil,
    now: @escaping @Sendable () -> UTCInstant
) -> Router<AppRequestContext> {
    let router = Router(context: AppRequestContext.self, options: .autoGenerateHeadEndpoints)
    router.middlewares.add(MetricsMiddleware())
    router.middlewares.add(MethodGuardMiddleware())
    let feeds = FeedRoutes(state: state, options: options)
    router.get("/calendars/{name}") { request, context in
        try feeds.respond(name: context.parameters.require("name"), request: request)
    }
    router.get("/calendars/municipality/{name}") { request, context in
        try feeds.respond(name: "municipality/" + context.parameters.require("name"), request: request)
    }
    personal?.register(on: router)
    answers?.register(on: router)
    answerPages?.register(on: router)
    items?.register(on: router)
    agendas?.register(on: router)
    minutes?.register(on: router)
    meetings?.register(on: router)
    workspace?.register(on: router)
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
