import NIOCore
import NIOEmbedded
import Testing

@testable import Mail

/// Nothing that came in clear after the 220 to STARTTLS is read as a reply over TLS
/// (the STARTTLS injection of CVE-2011-0411).
@Suite struct SMTPStartTLSInjectionTests {
    static let mail = OutgoingMail(
        from: "kansli@example.org", to: "kso@botkyrka.example.org", messageID: "1@kalendarium",
        rendered: "Subject: Påminnelse\r\n\r\nHej\r\n")

    /// A whole reply in the same packet as the 220, a line without its end, and the first
    /// line of a multi-line reply: each is plaintext that would otherwise wait for the
    /// client's first read over TLS.
    @Test(arguments: ["250 injected\r\n", "250 inj", "250-injected\r\n"])
    func dataAfterTheAnswerToSTARTTLSFailsTheDelivery(injected: String) async throws {
        let server = try await ScriptedSMTPServer(greeting: "220 fake ESMTP\r\n") { line in
            switch line.uppercased() {
            case let command where command.hasPrefix("EHLO"): "250-fake\r\n250 STARTTLS\r\n"
            case "STARTTLS": "220 go ahead\r\n" + injected
            default: "250 ok\r\n"
            }
        }
        let transport = SMTPTransport(
            configuration: try SMTPConfiguration(url: "smtp://127.0.0.1:\(server.port)?timeout=5"))
        await #expect(
            throws: MailError(
                .temporary,
                "127.0.0.1 sent data after its answer to STARTTLS, before TLS was in place; that is refused for "
                    + "safety, since anyone on the network path can inject replies that way (CVE-2011-0411). "
                    + "If it persists, check the server and the network path to it, or use smtps://")
        ) {
            try await transport.deliver(Self.mail)
        }
        #expect(try await server.received() == ["EHLO kalendarium.localdomain", "STARTTLS"])
        try await server.stop()
    }

    /// The reply handler says what it holds: replies passed on, and part of one.
    @Test func theReplyHandlerCountsRepliesAndSaysWhatItHolds() throws {
        let handler = SMTPReplyHandler()
        let channel = EmbeddedChannel(handler: handler)
        try channel.writeInbound(ByteBuffer(string: "220 go ahead\r\n250-one\r\n"))
        #expect(handler.passedOn == 1 && handler.holdsPartOfAReply)
        try channel.writeInbound(ByteBuffer(string: "250 two\r\n"))
        #expect(handler.passedOn == 2 && !handler.holdsPartOfAReply)
        try channel.writeInbound(ByteBuffer(string: "25"))
        #expect(handler.passedOn == 2 && handler.holdsPartOfAReply)
        #expect(try channel.readInbound(as: SMTPResponse.self) == SMTPResponse(code: 220, lines: ["go ahead"]))
        #expect(try channel.readInbound(as: SMTPResponse.self) == SMTPResponse(code: 250, lines: ["one", "two"]))
        _ = try? channel.finish()
    }
}
