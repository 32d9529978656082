import NIOCore
import NIOPosix
import NIOSSL
import Synchronization

/// One connection to an SMTP server over `NIOAsyncChannel`: whole replies come in from
/// `SMTPReplyHandler`, text goes out as bytes. It moves bytes, waits for replies (each
/// within the configured timeout), puts TLS under the connection for STARTTLS, and turns
/// NIO's errors into `MailError`s a person can act on; what to say, and when, is
/// `SMTPClientStateMachine`'s.
struct SMTPConnection {
    private var replies: NIOAsyncChannelInboundStream<SMTPResponse>.AsyncIterator
    private let writer: NIOAsyncChannelOutboundWriter<ByteBuffer>
    private let channel: any Channel
    private let configuration: SMTPConfiguration
    private let watch: ReplyWatch
    /// How many replies `reply()` has returned: the ones `SMTPReplyHandler` passed on
    /// beyond these wait in the inbound stream, unread.
    private var repliesTaken = 0

    private var host: String { configuration.host }

    /// Connects (with TLS from the start for smtps://), runs `body` over the connection,
    /// and closes it however `body` ends. All of it runs on the connection's event loop
    /// (`EventLoopTaskExecutor`).
    static func open(
        _ configuration: SMTPConfiguration, _ body: (inout SMTPConnection) async -> Void
    ) async throws(MailError) {
        let loop = MultiThreadedEventLoopGroup.singleton.next()
        try await withTaskExecutorPreference(EventLoopTaskExecutor(loop)) { () async throws(MailError) in
            try await open(configuration, on: loop, body)
        }
    }

    private static func open(
        _ configuration: SMTPConfiguration, on loop: any EventLoop, _ body: (inout SMTPConnection) async -> Void
    ) async throws(MailError) {
        let channel = try await connect(configuration, on: loop)
        let watch = ReplyWatch()
        do {
            try await channel.executeThenClose { inbound, outbound in
                await withTaskGroup(of: Void.self) { group in
                    group.addTask { await watch.run(timeout: configuration.timeout, closing: channel.channel) }
                    var connection = SMTPConnection(
                        replies: inbound.makeAsyncIterator(), writer: outbound, channel: channel.channel,
                        configuration: configuration, watch: watch)
                    await body(&connection)
                    group.cancelAll()
                }
            }
        } catch {
            // `body` throws nothing; this is closing the finished connection, which has
            // nothing left to report.
        }
    }

    private static func connect(
        _ c: SMTPConfiguration, on loop: any EventLoop
    ) async throws(MailError) -> NIOAsyncChannel<SMTPResponse, ByteBuffer> {
        let tls = c.security == .implicitTLS ? try tlsContext(c) : nil
        let hostname = serverHostname(c)
        do {
            return try await ClientBootstrap(group: loop)
                .connectTimeout(c.timeout)
                .connect(host: c.host, port: c.port) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        // TLS first, so the decoder and the async channel see plain text;
                        // STARTTLS puts it in the same place later.
                        if let tls {
                            try channel.pipeline.syncOperations.addHandler(
                                NIOSSLClientHandler(context: tls, serverHostname: hostname))
                        }
                        try channel.pipeline.syncOperations.addHandler(SMTPReplyHandler())
                        return try NIOAsyncChannel<SMTPResponse, ByteBuffer>(wrappingChannelSynchronously: channel)
                    }
                }
        } catch {
            throw MailError.tls(error, host: c.host, caFile: c.caFile)
                ?? MailError(.temporary, "cannot connect to \(c.host):\(c.port): \(error)")
        }
    }

    /// The name the certificate must carry. An IP address is not a name (SNI refuses
    /// one), so for `smtps://192.0.2.1` the certificate is checked against the address.
    private static func serverHostname(_ c: SMTPConfiguration) -> String? {
        (try? SocketAddress(ipAddress: c.host, port: 0)) == nil ? c.host : nil
    }

    private static func tlsContext(_ c: SMTPConfiguration) throws(MailError) -> NIOSSLContext {
        var tls = TLSConfiguration.makeClientConfiguration()
        if let ca = c.caFile { tls.trustRoots = .file(ca) }
        do {
            return try NIOSSLContext(configuration: tls)
        } catch {
            throw MailError.tls(error, host: c.host, caFile: c.caFile)
                ?? MailError(.temporary, "cannot set up TLS for \(c.host): \(error)")
        }
    }

    // MARK: - Talking

    /// The next reply. No reply within the timeout closes the connection: a server that
    /// has stopped answering would otherwise hold the batch for ever. The connection's
    /// `ReplyWatch` keeps the time, so a reply costs no timer of its own.
    mutating func reply() async throws(MailError) -> SMTPResponse {
        let seconds = configuration.timeoutSeconds
        watch.waiting(true)
        let next: Result<SMTPResponse?, any Error>
        do { next = .success(try await replies.next()) } catch { next = .failure(error) }
        watch.waiting(false)
        switch next {
        case _ where watch.expired:
            throw MailError(
                .temporary,
                "\(host) sent no reply within \(seconds) s (for a slow server, raise ?timeout= in the mail URL)")
        case .success(let reply?):
            repliesTaken += 1
            return reply
        case .success(nil):
            throw MailError(.temporary, "\(host) closed the connection")
        case .failure(let error):
            throw describe(error)
        }
    }

    mutating func send(_ text: String) async throws(MailError) {
        do {
            try await writer.write(ByteBuffer(string: text))
        } catch {
            // Why the connection went (a refused TLS handshake, say) waits in the inbound
            // stream and says more than the write's error.
            _ = try await reply()
            throw MailError(.temporary, "connection to \(host) lost: \(error)")
        }
    }

    /// Puts TLS under the connection after the server's 220 to STARTTLS. The handler goes
    /// first in the pipeline, below the reply handler and the async channel, which keep
    /// working on the decrypted bytes; the handshake starts at once, and a refused one
    /// fails the next reply.
    ///
    /// Whatever came after the 220 came in clear, though the dialogue would take it as
    /// coming over TLS: a man in the middle can append a "250" to the 220, in the same
    /// packet, and answer the client's next command for the real server (the STARTTLS
    /// injection of CVE-2011-0411). A server must send nothing until the handshake, so
    /// any such byte fails the connection, wherever it waits: in the reply handler (part
    /// of a reply) or in the async channel's inbound stream (whole replies the handler
    /// passed on, not yet taken). Both are checked in the same event-loop turn as the
    /// TLS handler goes in; every byte read after that goes through TLS.
    func startTLS() async throws(MailError) {
        let context = try Self.tlsContext(configuration)
        let hostname = Self.serverHostname(configuration)
        let taken = repliesTaken
        let host = self.host
        do {
            try await channel.eventLoop.submit { [channel] in
                let replies = try channel.pipeline.syncOperations.handler(type: SMTPReplyHandler.self)
                guard replies.passedOn == taken, !replies.holdsPartOfAReply else {
                    throw MailError(
                        .temporary,
                        "\(host) sent data after its answer to STARTTLS, before TLS was in place; that is refused for "
                            + "safety, since anyone on the network path can inject replies that way (CVE-2011-0411). "
                            + "If it persists, check the server and the network path to it, or use smtps://")
                }
                try channel.pipeline.syncOperations.addHandler(
                    NIOSSLClientHandler(context: context, serverHostname: hostname), position: .first)
            }.get()
        } catch let error as MailError {
            throw error
        } catch {
            throw MailError.tls(error, host: host, caFile: configuration.caFile)
                ?? MailError(.temporary, "STARTTLS with \(host) failed: \(error)")
        }
    }

    private func describe(_ error: any Error) -> MailError {
        if let error = error as? MailError { return error }
        return MailError.tls(error, host: host, caFile: configuration.caFile)
            ?? MailError(.temporary, "connection to \(host) lost: \(error)")
    }
}

/// The reply timeout of one connection: one task per connection looks four times a
/// second whether a reply has been awaited longer than the timeout, and closes the
/// connection if so, which ends the wait.
final class ReplyWatch: Sendable {
    /// When the awaited reply began to be awaited (uptime nanoseconds), 0 when none is.
    private let since = Atomic<UInt64>(0)
    private let fired = Atomic<Bool>(false)

    /// Whether the watch closed the connection for a reply that did not come.
    var expired: Bool { fired.load(ordering: .acquiring) }

    func waiting(_ waiting: Bool) {
        since.store(waiting ? max(NIODeadline.now().uptimeNanoseconds, 1) : 0, ordering: .releasing)
    }

    /// Until cancelled.
    func run(timeout: TimeAmount, closing channel: any Channel) async {
        let limit = UInt64(max(timeout.nanoseconds, 0))
        while !Task.isCancelled {
            do { try await Task.sleep(for: .milliseconds(250)) } catch { return }
            let started = since.load(ordering: .acquiring)
            guard started != 0, NIODeadline.now().uptimeNanoseconds - started >= limit else { continue }
            fired.store(true, ordering: .releasing)
            channel.close(promise: nil)
            return
        }
    }
}
