import Dispatch
import Foundation
import HTTPTypes
import Hummingbird
import KalendariumCore
import Metrics
import NIOCore
import NIOHTTPTypes

/// Answers the common feed request, a subscribed client polling
/// `GET /calendars/<name>.ics`, on the event loop
/// with the bytes the Hummingbird route would send (``FeedRoutes/answer(name:headers:token:)``),
/// without entering Swift concurrency. `bench/serve.sh` measured that path at 0.3–0.4×
/// nginx's rate for the 304 and the shipped feed, where plain SwiftNIO reaches 0.9–1.1×:
/// the time went to tasks, their switches and the middleware chain, not to the feed.
///
/// Every other request, and any feed request that is not plain (a query such as
/// `?token=`, a percent-escape, `HEAD`, a body, a feed that does not exist or data not
/// loaded yet), goes on to Hummingbird untouched, so errors, tokens and logging stay
/// in one place.
public struct FeedFastPath: Sendable {
    let routes: FeedRoutes
    let serverName: String
    let metrics: [Int: [String: (counter: Counter, timer: Metrics.Timer)]]

    /// The counters are the ones Hummingbird's `MetricsMiddleware` records under
    /// (`hb.requests`, `http.server.request.duration`), so `/metrics` counts every feed
    /// request whichever path answered it.
    public init(state: CalendarState, options: ServerOptions, serverName: String) {
        routes = FeedRoutes(state: state, options: options)
        self.serverName = serverName
        var metrics: [Int: [String: (counter: Counter, timer: Metrics.Timer)]] = [:]
        for status in [200, 304] {
            for route in ["/calendars/{name}", "/calendars/municipality/{name}"] {
                let dimensions = [
                    ("http.route", route), ("http.request.method", "GET"), ("http.response.status_code", "\(status)"),
                ]
                metrics[status, default: [:]][route] = (
                    Counter(label: "hb.requests", dimensions: dimensions),
                    Metrics.Timer(
                        label: "http.server.request.duration", dimensions: dimensions, preferredDisplayUnit: .seconds)
                )
            }
        }
        self.metrics = metrics
    }

    /// The feed's name and route for a request this path answers, or nil.
    static func feed(_ request: HTTPRequest) -> (name: String, route: String)? {
        guard request.method == .get, let path = request.path, path.hasPrefix("/calendars/"), path.hasSuffix(".ics"),
            request.headerFields[.transferEncoding] == nil,
            request.headerFields[values: .contentLength].allSatisfy({ $0 == "0" })
        else { return nil }
        let name = String(path.dropFirst("/calendars/".count))
        guard !name.utf8.contains(where: { [UInt8(ascii: "?"), UInt8(ascii: "%"), UInt8(ascii: "#")].contains($0) })
        else { return nil }
        let parts = name.split(separator: "/", omittingEmptySubsequences: false)
        switch parts.count {
        case 1 where !name.hasPrefix("."): return (name, "/calendars/{name}")
        case 2 where parts[0] == "municipality" && !parts[1].hasPrefix("."):
            return (name, "/calendars/municipality/{name}")
        default: return nil
        }
    }

    /// The answer for a plain feed request, or nil to leave it to Hummingbird.
    func answer(_ request: HTTPRequest, name: String) -> FeedAnswer? {
        try? routes.answer(name: name, headers: request.headerFields, token: nil)
    }
}

/// The per-connection half of ``FeedFastPath``: the last handler before Hummingbird's
/// async handling, behind NIO's pipelining handler, so it sees one request at a time.
final class FeedFastPathHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundOut = HTTPResponsePart

    private enum State {
        case idle
        /// Hummingbird answers the request whose head went on: its body and end follow it.
        case passing
        /// This handler answers once the request has ended.
        case answering(FeedAnswer, route: String, started: UInt64)
    }

    private let fastPath: FeedFastPath
    private var state = State.idle
    private var date = (second: Int.min, text: "")

    init(_ fastPath: FeedFastPath) { self.fastPath = fastPath }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let part = unwrapInboundIn(data)
        switch (part, state) {
        case (.head(let head), _):
            let started = DispatchTime.now().uptimeNanoseconds
            if let (name, route) = FeedFastPath.feed(head), let answer = fastPath.answer(head, name: name) {
                state = .answering(answer, route: route, started: started)
            } else {
                state = .passing
                context.fireChannelRead(data)
            }
        case (.body, .answering): break
        case (.end, .answering(let answer, let route, let started)):
            state = .idle
            respond(context: context, answer)
            if let metrics = fastPath.metrics[Int(answer.status.code)]?[route] {
                metrics.counter.increment()
                metrics.timer.recordNanoseconds(Int64(DispatchTime.now().uptimeNanoseconds - started))
            }
        case (.end, _):
            state = .idle
            context.fireChannelRead(data)
        case (.body, _):
            context.fireChannelRead(data)
        }
    }

    private func respond(context: ChannelHandlerContext, _ answer: FeedAnswer) {
        var response = HTTPResponse(status: answer.status, headerFields: answer.headers)
        if let body = answer.body { response.headerFields[.contentLength] = String(body.readableBytes) }
        response.headerFields[.date] = currentDate()
        response.headerFields[.server] = fastPath.serverName
        context.write(wrapOutboundOut(.head(response)), promise: nil)
        if let body = answer.body { context.write(wrapOutboundOut(.body(body)), promise: nil) }
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
    }

    /// The Date header, formatted once a second per connection.
    private func currentDate() -> String {
        let now = UTCInstant(secondsSince1970: Int(Date().timeIntervalSince1970))
        if now.secondsSince1970 != date.second { date = (now.secondsSince1970, HTTPDate.format(now)) }
        return date.text
    }
}
