public import HummingbirdCore
public import Logging
public import NIOCore
import NIOHTTP1
import NIOHTTPTypesHTTP1

/// Hummingbird's HTTP/1 channel with ``HTTPFramingHandler`` (behind NIO's
/// `HTTPServerPipelineHandler`) in front of the conversion to HTTP types, and the
/// ``FeedFastPath`` last, just before the requests go to Hummingbird's handling.
///
/// Hummingbird adds its `additionalChannelHandlers` after that conversion, where the
/// protocol version and a second `Host` header are no longer visible; this channel
/// puts the framing check where they still are. The fast path sits behind every
/// handler Hummingbird keeps a connection's state in (the idle timeout, keep-alive,
/// closing idle connections on shutdown) and the request-head timeout, so they see its
/// requests and answers as they see Hummingbird's.
public struct FramedHTTP1Channel: ServerChildChannel {
    public typealias Value = HTTP1Channel.Value

    let base: HTTP1Channel
    let fastPath: FeedFastPath?

    public func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        base.setup(channel: channel, logger: logger).flatMapThrowing { value in
            let pipeline = channel.pipeline.syncOperations
            let codec = try pipeline.handler(type: HTTP1ToHTTPServerCodec.self)
            // Hummingbird reads pipelined requests ahead; the framing check keeps state
            // for the one request being answered, so NIO's pipeline handler holds the
            // next request back until the answer before it has ended.
            try pipeline.addHandler(HTTPServerPipelineHandler(), position: .before(codec))
            try pipeline.addHandler(HTTPFramingHandler(), position: .before(codec))
            if let fastPath {
                let state = try pipeline.handler(type: HTTPConnectionStateHandler.self)
                try pipeline.addHandler(FeedFastPathHandler(fastPath), position: .after(state))
            }
            return value
        }
    }

    public func handle(value: Value, logger: Logger) async {
        await base.handle(value: value, logger: logger)
    }
}

extension HTTPServerBuilder {
    /// `.http1(configuration:)` with the framing checks of ``HTTPFramingHandler``, and
    /// plain feed requests answered on the event loop by `fastPath`.
    public static func framedHTTP1(
        configuration: HTTP1Channel.Configuration, fastPath: FeedFastPath? = nil
    ) -> HTTPServerBuilder {
        .init { responder in
            FramedHTTP1Channel(
                base: HTTP1Channel(responder: responder, configuration: configuration), fastPath: fastPath)
        }
    }
}
