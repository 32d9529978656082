public import HummingbirdCore
public import Logging
public import NIOCore
import NIOHTTP1
import NIOHTTPTypesHTTP1

/// Hummingbird's HTTP/1 channel with ``HTTPFramingHandler`` (behind NIO's
/// `HTTPServerPipelineHandler`) in front of the conversion to HTTP types.
///
/// Hummingbird adds its `additionalChannelHandlers` after that conversion, where the
/// protocol version and a second `Host` header are no longer visible; this channel
/// puts the framing check where they still are.
public struct FramedHTTP1Channel: ServerChildChannel {
    public typealias Value = HTTP1Channel.Value

    let base: HTTP1Channel

    public func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        base.setup(channel: channel, logger: logger).flatMapThrowing { value in
            let pipeline = channel.pipeline.syncOperations
            let codec = try pipeline.handler(type: HTTP1ToHTTPServerCodec.self)
            // Hummingbird reads pipelined requests ahead; the framing check keeps state
            // for the one request being answered, so NIO's pipeline handler holds the
            // next request back until the answer before it has ended.
            try pipeline.addHandler(HTTPServerPipelineHandler(), position: .before(codec))
            try pipeline.addHandler(HTTPFramingHandler(), position: .before(codec))
            return value
        }
    }

    public func handle(value: Value, logger: Logger) async {
        await base.handle(value: value, logger: logger)
    }
}

extension HTTPServerBuilder {
    /// `.http1(configuration:)` with the framing checks of ``HTTPFramingHandler``.
    public static func framedHTTP1(configuration: HTTP1Channel.Configuration) -> HTTPServerBuilder {
        .init { responder in
            FramedHTTP1Channel(base: HTTP1Channel(responder: responder, configuration: configuration))
        }
    }
}
