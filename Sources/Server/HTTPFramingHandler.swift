import Foundation
public import NIOCore
public import NIOHTTP1

/// Refuses requests whose framing is ambiguous, and closes HTTP/1.0 connections that
/// did not ask to be kept open.
///
/// It sits between NIO's HTTP/1 parser and the conversion to HTTP types, because
/// that conversion forgets what matters here: the protocol version, and a second
/// `Host` header. A request is answered `400` and its connection closed when
/// (RFC 9112 § 3.2, § 6.1):
/// - an HTTP/1.1 request has no `Host` header, or any request has more than one;
/// - `Transfer-Encoding` names anything but a single `chunked`, comes with
///   `Content-Length`, or comes in an HTTP/1.0 request.
/// Such requests are what request smuggling is made of: a proxy in front may read
/// them differently from this server.
///
/// An HTTP/1.0 client without `Connection: keep-alive` expects the server to close
/// once the response is sent; its request is passed on marked `Connection: close`,
/// which makes Hummingbird stop after the response, and the response is sent as
/// HTTP/1.0 framing (never chunked, which such a client cannot read).
public final class HTTPFramingHandler: ChannelDuplexHandler, RemovableChannelHandler {
    public typealias InboundIn = HTTPServerRequestPart
    public typealias InboundOut = HTTPServerRequestPart
    public typealias OutboundIn = HTTPServerResponsePart
    public typealias OutboundOut = HTTPServerResponsePart

    /// The version of the request being answered; responses are framed for it.
    private var version = HTTPVersion.http1_1
    private var keepAlive = true
    /// An HTTP/1.0 response without a length ends when the connection does.
    private var closeAfterResponse = false
    /// Set once a request was refused: what else arrives is dropped until the close.
    private var refused = false
    /// Set when the response to the current request has been written in full. When
    /// the rest of a request turns out malformed after its answer went out (a bad
    /// chunk behind a 403), Hummingbird writes a second response; that one is
    /// dropped and the connection closed, so a client never reads two answers.
    private var answered = false

    public init() {}

    public func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !refused else { return }
        guard case .head(var head) = unwrapInboundIn(data) else {
            context.fireChannelRead(data)
            return
        }
        if let problem = Self.problem(head) {
            refuse(context, problem, version: head.version)
            return
        }
        version = head.version
        keepAlive = head.isKeepAlive
        answered = false
        if head.version == .http1_0, !head.isKeepAlive {
            head.headers.replaceOrAdd(name: "connection", value: "close")
        }
        context.fireChannelRead(wrapInboundOut(.head(head)))
    }

    public func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        guard !answered else {
            promise?.fail(ChannelError.ioOnClosedChannel)
            context.close(promise: nil)
            return
        }
        switch unwrapOutboundIn(data) {
        case .head(var head) where version == .http1_0:
            // NIO chunks a body of unknown length for HTTP/1.1; for 1.0 it ends the
            // body by closing, which is what a 1.0 client reads.
            head.version = .http1_0
            if !keepAlive || !head.headers.contains(name: "content-length") {
                head.headers.replaceOrAdd(name: "connection", value: "close")
                closeAfterResponse = true
            } else if !head.headers.contains(name: "connection") {
                head.headers.add(name: "connection", value: "keep-alive")
            }
            context.write(wrapOutboundOut(.head(head)), promise: promise)
        case .end where closeAfterResponse:
            answered = true
            let written = context.eventLoop.makePromise(of: Void.self)
            written.futureResult.cascade(to: promise)
            context.writeAndFlush(data, promise: written)
            written.futureResult.assumeIsolated().whenComplete { _ in context.close(promise: nil) }
        case .end:
            answered = true
            context.write(data, promise: promise)
        default:
            context.write(data, promise: promise)
        }
    }

    /// Why a request head cannot be served, or nil when its framing is clear.
    static func problem(_ head: HTTPRequestHead) -> String? {
        let hosts = head.headers["host"].count
        if hosts > 1 { return "the request has \(hosts) Host headers; send exactly one" }
        if hosts == 0, head.version != .http1_0 { return "an HTTP/1.1 request must have a Host header" }
        let codings = head.headers["transfer-encoding"]
            .flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard !codings.isEmpty else { return nil }
        if head.version == .http1_0 { return "Transfer-Encoding is not allowed in an HTTP/1.0 request" }
        if codings != ["chunked"] {
            return
                "Transfer-Encoding \"\(codings.joined(separator: ", "))\" is not supported; send chunked or Content-Length"
        }
        if head.headers.contains(name: "content-length") {
            return "send either Transfer-Encoding or Content-Length, not both"
        }
        return nil
    }

    /// Answers 400 with the reason as JSON (as the API's errors are) and closes.
    private func refuse(_ context: ChannelHandlerContext, _ problem: String, version: HTTPVersion) {
        refused = true
        let body = ByteBuffer(bytes: (try? JSONEncoder().encode(["error": problem])) ?? Data("{}".utf8))
        var headers = HTTPHeaders()
        headers.add(name: "content-type", value: "application/json; charset=utf-8")
        headers.add(name: "content-length", value: "\(body.readableBytes)")
        headers.add(name: "connection", value: "close")
        context.write(
            wrapOutboundOut(
                .head(
                    HTTPResponseHead(
                        version: version == .http1_0 ? .http1_0 : .http1_1, status: .badRequest, headers: headers))),
            promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(body))), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil))).assumeIsolated().whenComplete { _ in
            context.close(promise: nil)
        }
    }
}
