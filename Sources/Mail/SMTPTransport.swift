import NIOCore
import NIOPosix
import NIOSSL
import Synchronization

/// An SMTP client on SwiftNIO: EHLO, STARTTLS (swift-nio-ssl), AUTH PLAIN or LOGIN,
/// PIPELINING when offered, dot-stuffing, a timeout on every reply, and one connection
/// for a whole batch of messages.
public struct SMTPTransport: MailTransport {
    public let configuration: SMTPConfiguration

    public init(configuration: SMTPConfiguration) { self.configuration = configuration }

    public func deliver(_ mail: OutgoingMail) async throws(MailError) {
        let results = await deliver(batch: [mail], handOver: .none)
        if case .failure(let error) = results[0] { throw error }
    }

    /// Sends every message over one connection; each gets its own result. A connection
    /// that fails part-way fails the rest as temporary, to be retried.
    public func deliver(batch: [OutgoingMail], handOver: HandOver) async -> [Result<Void, MailError>] {
        guard !batch.isEmpty else { return [] }
        let session: SMTPSession
        do {
            session = try await SMTPSession.open(configuration)
        } catch {
            return batch.map { _ in .failure(error) }
        }
        var results: [Result<Void, MailError>] = []
        for (index, mail) in batch.enumerated() {
            do {
                try await session.send(mail, handOver: handOver)
                results.append(.success(()))
            } catch {
                results.append(.failure(error))
                if !session.isUsable {
                    results += batch[(index + 1)...].map { _ in
                        .failure(MailError(.temporary, "connection lost: \(error.message)"))
                    }
                    break
                }
            }
        }
        await session.quit()
        return results
    }
}

/// One conversation with a server.
final class SMTPSession: Sendable {
    let channel: any Channel
    let replies: NIOLoopBound<SMTPReplyHandler>
    let configuration: SMTPConfiguration
    let pipelining: Bool
    private let usable = Mutex(true)

    var isUsable: Bool { usable.withLock { $0 } && channel.isActive }

    private init(
        channel: any Channel, replies: NIOLoopBound<SMTPReplyHandler>, configuration: SMTPConfiguration,
        pipelining: Bool
    ) {
        self.channel = channel
        self.replies = replies
        self.configuration = configuration
        self.pipelining = pipelining
    }

    static func open(_ c: SMTPConfiguration) async throws(MailError) -> SMTPSession {
        let group = MultiThreadedEventLoopGroup.singleton
        let channel: any Channel
        do {
            let tls: NIOSSLContext? = c.security == .implicitTLS ? try tlsContext(c) : nil
            channel = try await ClientBootstrap(group: group)
                .connectTimeout(c.timeout)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        if let tls {
                            try channel.pipeline.syncOperations.addHandler(
                                try NIOSSLClientHandler(context: tls, serverHostname: c.host))
                        }
                        try channel.pipeline.syncOperations.addHandler(SMTPReplyHandler())
                    }
                }
                .connect(host: c.host, port: c.port).get()
        } catch let error as MailError {
            throw error
        } catch {
            throw MailError(.temporary, "cannot connect to \(c.host):\(c.port): \(error)")
        }
        let handler: NIOLoopBound<SMTPReplyHandler>
        do {
            handler = try await channel.eventLoop.submit {
                NIOLoopBound(
                    try channel.pipeline.syncOperations.handler(type: SMTPReplyHandler.self),
                    eventLoop: channel.eventLoop)
            }.get()
        } catch {
            channel.close(promise: nil)
            throw MailError(.temporary, "SMTP pipeline: \(error)")
        }
        var session = SMTPSession(channel: channel, replies: handler, configuration: c, pipelining: false)
        do throws(MailError) {
            try session.expect(await session.reply(), 220, "greeting")
            var ehlo = try await session.command("EHLO \(c.heloName)", expecting: 250)
            if c.security == .startTLSRequired || c.security == .startTLSIfOffered {
                let offered = ehlo.lines.contains { $0.uppercased().hasPrefix("STARTTLS") }
                if offered {
                    _ = try await session.command("STARTTLS", expecting: 220)
                    try await session.startTLS()
                    ehlo = try await session.command("EHLO \(c.heloName)", expecting: 250)
                } else if c.security == .startTLSRequired {
                    throw MailError(
                        .permanent,
                        "\(c.host) does not offer STARTTLS; refusing to send the password in clear "
                            + "(use smtps:// or add ?starttls=never for a trusted local relay)")
                }
            }
            let extensions = ehlo.lines.map { $0.uppercased() }
            session = SMTPSession(
                channel: channel, replies: handler, configuration: c,
                pipelining: extensions.contains { $0.hasPrefix("PIPELINING") })
            if let user = c.username, let password = c.password {
                try await session.authenticate(user: user, password: password, offered: extensions)
            }
            return session
        } catch {
            channel.close(promise: nil)
            throw error
        }
    }

    static func tlsContext(_ c: SMTPConfiguration) throws -> NIOSSLContext {
        var tls = TLSConfiguration.makeClientConfiguration()
        if let ca = c.caFile { tls.trustRoots = .file(ca) }
        return try NIOSSLContext(configuration: tls)
    }

    func startTLS() async throws(MailError) {
        do {
            let context = try Self.tlsContext(configuration)
            let host = configuration.host
            try await channel.eventLoop.submit { [channel] in
                try channel.pipeline.syncOperations.addHandler(
                    try NIOSSLClientHandler(context: context, serverHostname: host),
                    position: .first)
            }.get()
        } catch {
            throw MailError(.temporary, "STARTTLS with \(configuration.host) failed: \(error)")
        }
    }

    func authenticate(user: String, password: String, offered: [String]) async throws(MailError) {
        let auth = offered.first { $0.hasPrefix("AUTH") }?.split(separator: " ").map(String.init) ?? []
        if auth.contains("PLAIN") || auth.isEmpty {
            let token = Base64.encode([0] + Array(user.utf8) + [0] + Array(password.utf8))
            _ = try await command("AUTH PLAIN \(token)", expecting: 235, redacted: "AUTH PLAIN ***")
        } else if auth.contains("LOGIN") {
            _ = try await command("AUTH LOGIN", expecting: 334)
            _ = try await command(Base64.encode(Array(user.utf8)), expecting: 334, redacted: "***")
            _ = try await command(Base64.encode(Array(password.utf8)), expecting: 235, redacted: "***")
        } else {
            throw MailError(.permanent, "\(configuration.host) offers none of AUTH PLAIN and LOGIN")
        }
    }

    /// Sends one message; after a refusal the transaction is reset (RSET), so the next
    /// message on the connection starts clean.
    func send(_ mail: OutgoingMail, handOver: HandOver) async throws(MailError) {
        do {
            try await transaction(mail, handOver: handOver)
        } catch {
            if isUsable { _ = try? await command("RSET", expecting: 250) }
            throw error
        }
    }

    private func transaction(_ mail: OutgoingMail, handOver: HandOver) async throws(MailError) {
        let envelope = ["MAIL FROM:<\(mail.from)>", "RCPT TO:<\(mail.to)>", "DATA"]
        if pipelining {
            try await write(envelope.joined(separator: "\r\n") + "\r\n")
            let mailFrom = try await reply()
            let rcpt = try await reply()
            let data = try await reply()
            try expect(mailFrom, 250, "MAIL FROM")
            try expect(rcpt, 250, "RCPT TO")
            try expect(data, 354, "DATA")
        } else {
            _ = try await command(envelope[0], expecting: 250)
            _ = try await command(envelope[1], expecting: 250)
            _ = try await command(envelope[2], expecting: 354)
        }
        try await write(DotStuffing.body(mail.rendered))
        do {
            try await handOver.prepare(mail)
        } catch {
            // Mid-DATA there is no RSET: only closing the connection drops the message.
            usable.withLock { $0 = false }
            try? await channel.close()
            throw MailError(.withheld, "withheld: \(error)")
        }
        try await write(DotStuffing.terminator)
        let answer: SMTPResponse
        do {
            answer = try await reply()
        } catch {
            // The server has the whole message and may have kept it: its fate is unknown.
            throw MailError(error.kind, "no answer to the end of data: \(error.message)", uncertain: true)
        }
        try expect(answer, 250, "message")
        // Recorded the moment the server has accepted it: a kill before this line sends
        // the message again (flagged uncertain); after it, never.
        await handOver.delivered(mail)
    }

    func quit() async {
        if isUsable { _ = try? await command("QUIT", expecting: 221) }
        try? await channel.close()
    }

    // MARK: - Conversation

    @discardableResult
    func command(_ line: String, expecting code: Int, redacted: String? = nil) async throws(MailError) -> SMTPResponse {
        try await write(line + "\r\n")
        let response = try await reply()
        try expect(response, code, redacted ?? line.split(separator: " ").prefix(2).joined(separator: " "))
        return response
    }

    func expect(_ response: SMTPResponse, _ code: Int, _ what: String) throws(MailError) {
        guard response.code == code else {
            throw MailError(
                response.isTemporaryFailure || response.code < 400 ? .temporary : .permanent,
                "\(configuration.host) answered \(what) with \(response)")
        }
    }

    func write(_ text: String) async throws(MailError) {
        do {
            try await channel.writeAndFlush(ByteBuffer(string: text))
        } catch {
            usable.withLock { $0 = false }
            // Why the channel closed (a TLS handshake refused, say) says more than the write error.
            let replies = self.replies
            let cause = try? await channel.eventLoop.submit { replies.value.failure }.get()
            throw cause.flatMap { $0 } ?? MailError(.temporary, "connection to \(configuration.host) lost: \(error)")
        }
    }

    func reply() async throws(MailError) -> SMTPResponse {
        let timeout = configuration.timeout
        let replies = self.replies
        do {
            return try await channel.eventLoop.flatSubmit { replies.value.next(timeout: timeout) }.get()
        } catch let error as MailError {
            usable.withLock { $0 = false }
            throw error
        } catch {
            usable.withLock { $0 = false }
            throw MailError(.temporary, "\(configuration.host): \(error)")
        }
    }
}

/// Turns inbound bytes into replies and hands them, in order, to whoever waits.
final class SMTPReplyHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    private var decoder = SMTPReplyDecoder()
    private var ready: CircularBuffer<SMTPResponse> = []
    private var waiting: CircularBuffer<(EventLoopPromise<SMTPResponse>, Scheduled<Void>)> = []
    private(set) var failure: MailError?
    private var context: ChannelHandlerContext?

    func handlerAdded(context: ChannelHandlerContext) { self.context = context }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let buffer = unwrapInboundIn(data)
        do {
            for reply in try decoder.feed(buffer.readableBytesView) { ready.append(reply) }
        } catch {
            fail(error)
            context.close(promise: nil)
        }
        deliver()
    }

    func channelInactive(context: ChannelHandlerContext) {
        fail(MailError(.temporary, "the server closed the connection"))
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        let text = "\(error)"
        fail(
            MailError(
                .temporary,
                text.contains("handshake") || text.contains("certificate")
                    ? "TLS with the server failed (\(text)); if it uses a private CA, add ?ca=/path/to/ca.pem to the URL"
                    : text))
        context.close(promise: nil)
    }

    /// The next reply, or a temporary failure after `timeout`.
    func next(timeout: TimeAmount) -> EventLoopFuture<SMTPResponse> {
        guard let loop = context?.eventLoop else {
            return MultiThreadedEventLoopGroup.singleton.next().makeFailedFuture(MailError(.temporary, "not connected"))
        }
        let promise = loop.makePromise(of: SMTPResponse.self)
        let timer = loop.assumeIsolated().scheduleTask(in: timeout) { [weak self] in
            self?.fail(MailError(.temporary, "no reply within \(timeout.nanoseconds / 1_000_000_000) s"))
            self?.context?.close(promise: nil)
        }
        waiting.append((promise, timer))
        deliver()
        return promise.futureResult
    }

    private func deliver() {
        while !waiting.isEmpty {
            if let reply = ready.popFirst() {
                let (promise, timer) = waiting.removeFirst()
                timer.cancel()
                promise.succeed(reply)
            } else if let failure {
                let (promise, timer) = waiting.removeFirst()
                timer.cancel()
                promise.fail(failure)
            } else {
                return
            }
        }
    }

    private func fail(_ error: MailError) {
        if failure == nil { failure = error }
        deliver()
    }
}
