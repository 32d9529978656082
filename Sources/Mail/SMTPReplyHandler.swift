import NIOCore

/// The pipeline's framing: bytes in, whole replies out (through `SMTPReplyDecoder`). It is
/// a handler of its own, not a `ByteToMessageHandler`, so that what it holds can be asked:
/// at STARTTLS, `SMTPConnection` must know that no plaintext is waiting, here or further
/// up, to be taken later as a reply that came over TLS.
final class SMTPReplyHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = SMTPResponse

    private var decoder = SMTPReplyDecoder()
    /// The bytes past the last complete line.
    private var buffer = ByteBuffer()
    /// After a framing error nothing more is read: the connection is beyond saving.
    private var failed = false

    /// How many replies went up the pipeline; the connection compares it with how many
    /// it has taken to know that none is waiting in between.
    private(set) var passedOn = 0

    /// Part of a reply is here: bytes without a line end, or the first lines of a
    /// multi-line reply.
    var holdsPartOfAReply: Bool { buffer.readableBytes > 0 || decoder.holdsPartOfAReply }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !failed else { return }
        var bytes = unwrapInboundIn(data)
        buffer.writeBuffer(&bytes)
        do {
            // Each reply goes up as soon as it is complete, so those before a framing
            // error (a 250 to the end of data, say) still count.
            while let reply = try decoder.next(from: &buffer) {
                passedOn += 1
                context.fireChannelRead(wrapInboundOut(reply))
            }
            buffer.discardReadBytes()
        } catch {
            failed = true
            buffer.clear()
            context.fireErrorCaught(error)
        }
    }
}

/// It lives on the channel's event loop; `SMTPConnection` asks it there, never elsewhere.
@available(*, unavailable)
extension SMTPReplyHandler: Sendable {}
