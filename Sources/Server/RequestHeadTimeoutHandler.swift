public import NIOCore
public import NIOHTTPTypes

/// Closes a connection that has not delivered a complete request head in time.
///
/// The idle timeout alone does not stop a slow client: one that sends a header byte
/// every few seconds is never idle, and can hold a connection open for ever
/// (slowloris). This handler starts a clock when the connection opens and after each
/// response; if no request head arrives before it runs out, the connection is closed.
public final class RequestHeadTimeoutHandler: ChannelDuplexHandler, RemovableChannelHandler {
    public typealias InboundIn = HTTPRequestPart
    public typealias InboundOut = HTTPRequestPart
    public typealias OutboundIn = HTTPResponsePart
    public typealias OutboundOut = HTTPResponsePart

    let timeout: TimeAmount
    /// When the connection is closed unless a head arrives first; nil while a request
    /// is being answered.
    private var deadline: NIODeadline?
    /// One timer at a time, at or before `deadline`: a busy connection moves the deadline
    /// without scheduling and cancelling a timer for every request.
    private var timer: Scheduled<Void>?

    public init(timeout: TimeAmount) { self.timeout = timeout }

    public func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { arm(context) }
    }

    public func handlerRemoved(context: ChannelHandlerContext) {
        timer?.cancel()
        timer = nil
        deadline = nil
    }

    public func channelActive(context: ChannelHandlerContext) {
        arm(context)
        context.fireChannelActive()
    }

    public func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .head = unwrapInboundIn(data) { deadline = nil }
        context.fireChannelRead(data)
    }

    public func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) { arm(context) }
        context.write(data, promise: promise)
    }

    private func arm(_ context: ChannelHandlerContext) {
        deadline = .now() + timeout
        if timer == nil { schedule(context) }
    }

    private func schedule(_ context: ChannelHandlerContext) {
        guard let deadline else { return }
        let loop = context.eventLoop.assumeIsolated()
        timer = loop.scheduleTask(deadline: deadline) { [self, context] in
            timer = nil
            guard let due = self.deadline else { return }  // a head came: no clock runs
            if due <= .now() { context.close(promise: nil) } else { schedule(context) }
        }
    }
}
