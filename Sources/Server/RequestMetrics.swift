public import Prometheus

/// Hummingbird's `MetricsMiddleware` records every request through swift-metrics under
/// OpenTelemetry's names (`hb.requests`, `http.route`, …). Kalendarium's `/metrics` has
/// promised `kalendarium_http_requests_total{route,method,status}` since its first
/// release, and dashboards rely on it: this factory keeps those names, over the registry
/// `/metrics` renders. The executable bootstraps swift-metrics with it once, at start.
public enum RequestMetrics {
    public static func factory(registry: PrometheusCollectorRegistry) -> PrometheusMetricsFactory {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.nameAndLabelSanitizer = { label, dimensions in (name(label), dimensions.map(rename)) }
        return factory
    }

    static func name(_ label: String) -> String {
        switch label {
        case "hb.requests": "kalendarium_http_requests_total"
        case "hb.request.errors": "kalendarium_http_request_errors_total"
        case "http.server.request.duration": "kalendarium_http_request_duration_seconds"
        case "http.server.active_requests": "kalendarium_http_active_requests"
        default: label.replacing(".", with: "_")
        }
    }

    static func rename(_ dimension: (String, String)) -> (String, String) {
        switch dimension.0 {
        // Hummingbird says "NotFound" or "Unknown" when no route matched; /metrics has said "unmatched".
        case "http.route": ("route", ["NotFound", "Unknown"].contains(dimension.1) ? "unmatched" : dimension.1)
        case "http.request.method": ("method", dimension.1)
        case "http.response.status_code", "error.type": ("status", dimension.1)
        default: (dimension.0.replacing(".", with: "_"), dimension.1)
        }
    }
}
