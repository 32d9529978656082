import NIOCore
import NIOPosix
import Synchronization

/// An SMTP server on loopback that answers each line the client sends from a script, each
/// answer in one write (so a test decides what arrives in one packet), and records the
/// lines. For the client's behaviour against a server that misbehaves on purpose.
struct ScriptedSMTPServer {
    let port: Int
    private let channel: any Channel
    private let transcript: Transcript

    /// Listens on 127.0.0.1 at a free port: `greeting` goes out when a client connects,
    /// then `answer` is asked about each line (without its line end); nil answers nothing.
    init(greeting: String, answer: @escaping @Sendable (String) -> String?) async throws {
        try await self.init(greeting: { _ in greeting }, answer: answer)
    }

    /// The same, with the greeting chosen by the connection's number (0 for the first),
    /// as a server that limits connections per client refuses the ones over its limit.
    init(greeting: @escaping @Sendable (Int) -> String, answer: @escaping @Sendable (String) -> String?) async throws {
        let loop = MultiThreadedEventLoopGroup.singleton.next()
        let transcript = Transcript(closed: loop.makePromise())
        channel = try await ServerBootstrap(group: loop)
            .childChannelInitializer { child in
                child.eventLoop.makeCompletedFuture {
                    let number = transcript.connections.withLock { count in
                        defer { count += 1 }
                        return count
                    }
                    return try child.pipeline.syncOperations.addHandler(
                        Connection(greeting: greeting(number), answer: answer, transcript: transcript))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        port = channel.localAddress?.port ?? 0
        self.transcript = transcript
    }

    /// The lines received, once the client has closed the connection.
    func received() async throws -> [String] {
        try await transcript.closed.futureResult.get()
        return transcript.lines.withLock { $0 }
    }

    /// How many connections clients have made.
    var connections: Int { transcript.connections.withLock { $0 } }

    func stop() async throws { try await channel.close() }

    private final class Transcript: Sendable {
        let lines = Mutex<[String]>([])
        let connections = Mutex(0)
        let closed: EventLoopPromise<Void>
        init(closed: EventLoopPromise<Void>) { self.closed = closed }
    }

    private final class Connection: ChannelInboundHandler {
        typealias InboundIn = ByteBuffer
        typealias OutboundOut = ByteBuffer

        private let greeting: String
        private let answer: @Sendable (String) -> String?
        private let transcript: Transcript
        private var buffer = ByteBuffer()

        init(greeting: String, answer: @escaping @Sendable (String) -> String?, transcript: Transcript) {
            self.greeting = greeting
            self.answer = answer
            self.transcript = transcript
        }

        func channelActive(context: ChannelHandlerContext) {
            context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: greeting)), promise: nil)
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            var bytes = unwrapInboundIn(data)
            buffer.writeBuffer(&bytes)
            while let end = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n")),
                let line = buffer.readString(length: end - buffer.readableBytesView.startIndex + 1)
            {
                // The line end is one Character, CRLF or LF alike.
                let command = String(line.dropLast())
                transcript.lines.withLock { $0.append(command) }
                if let reply = answer(command) {
                    context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: reply)), promise: nil)
                }
            }
        }

        func channelInactive(context: ChannelHandlerContext) {
            transcript.closed.succeed()
        }
    }
}
