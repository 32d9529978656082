import Hummingbird

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
