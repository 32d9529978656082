import Foundation
import Hummingbird

/// `GET /healthz`: `ok`, or `degraded` with the reasons. Degraded still answers 200:
/// the service keeps serving its last good data, and taking every node out of a load
/// balancer because the shared files have a typo would turn a warning into an outage.
/// 503 only before any data has loaded.
enum HealthRoute {
    struct Body: Encodable {
        let status: String
        let reasons: [String]
        let feeds: Int
        let built_at: String?
        let data_warnings: Int
        /// With a shared database: this daemon's name, whether it sends the reminders,
        /// and the calendar generation it serves (the same on every node when in step).
        let node: String?
        let sends_reminders: Bool?
        let calendar_generation: Int64?
    }

    static func response(state: CalendarState) -> Response {
        let published = state.published
        var reasons = state.problems.map(\.description)
        if published == nil { reasons.insert("no valid calendar data has been loaded", at: 0) }
        let body = Body(
            status: reasons.isEmpty ? "ok" : "degraded", reasons: reasons, feeds: published?.feeds.count ?? 0,
            built_at: published.map { "\($0.builtAt)" }, data_warnings: published?.warnings.count ?? 0,
            node: state.node?.name, sends_reminders: state.node?.sendsReminders,
            calendar_generation: published?.generation)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(body)) ?? Data("{\"status\":\"degraded\"}".utf8)
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        headers[.cacheControl] = "no-store"
        return Response(
            status: published == nil ? .serviceUnavailable : .ok, headers: headers,
            body: .init(byteBuffer: ByteBuffer(bytes: data + Data("\n".utf8))))
    }
}
