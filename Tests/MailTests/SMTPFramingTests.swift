import NIOCore
import NIOEmbedded
import Testing

@testable import Mail

@Suite struct SMTPFramingTests {
    @Test func repliesAreFramedAcrossReadsAndLines() throws {
        var decoder = SMTPReplyDecoder()
        #expect(
            try decoder.feed(Array("220 mail.example.org ESMTP\r\n250-mail.example.org\r\n250-PIPE".utf8)).map(\.code)
                == [220])
        let replies = try decoder.feed(Array("LINING\r\n250 AUTH PLAIN LOGIN\r\n".utf8))
        #expect(replies == [SMTPResponse(code: 250, lines: ["mail.example.org", "PIPELINING", "AUTH PLAIN LOGIN"])])
        #expect(throws: MailError.self) { try decoder.feed(Array("garbage\r\n".utf8)) }
    }

    /// Found by the fuzzer (`FuzzSMTPReply`): `Int("-99")` made a reply with code -99.
    @Test func aReplyCodeIsThreeDigits() throws {
        for line in ["-99 no\r\n", "+25 no\r\n", "2 5 no\r\n", "25\r\n"] {
            var decoder = SMTPReplyDecoder()
            #expect(throws: MailError.self, "\(line)") { try decoder.feed(Array(line.utf8)) }
        }
        var decoder = SMTPReplyDecoder()
        #expect(try decoder.feed(Array("354\r\n".utf8)) == [SMTPResponse(code: 354, lines: [""])])
    }

    /// In the pipeline the reply handler hands whole replies on, however TCP cuts the bytes.
    @Test func inAPipelineTheHandlerPassesWholeReplies() throws {
        let channel = EmbeddedChannel(handler: SMTPReplyHandler())
        for piece in ["250-mail.example.org\r", "\n250-PIPELINING\r\n250 AUTH", " PLAIN\r\n354 go\r\n"] {
            try channel.writeInbound(ByteBuffer(string: piece))
        }
        #expect(
            try channel.readInbound(as: SMTPResponse.self)
                == SMTPResponse(code: 250, lines: ["mail.example.org", "PIPELINING", "AUTH PLAIN"]))
        #expect(try channel.readInbound(as: SMTPResponse.self) == SMTPResponse(code: 354, lines: ["go"]))
        #expect(try channel.readInbound(as: SMTPResponse.self) == nil)
        #expect(throws: MailError.self) { try channel.writeInbound(ByteBuffer(string: "HTTP/1.1 400\r\n")) }
        _ = try? channel.finish()
    }

    @Test func aLineWithoutAnEndIsCutOffAt64KiB() throws {
        var decoder = SMTPReplyDecoder()
        #expect(try decoder.feed(repeatElement(UInt8(ascii: "2"), count: 60 * 1024)).isEmpty)
        #expect(throws: MailError.self) { try decoder.feed(repeatElement(UInt8(ascii: "5"), count: 5 * 1024)) }
    }

    @Test func dotStuffingAndTheEndOfData() {
        #expect(
            DotStuffing.data("Subject: x\r\n\r\n.hej\r\n..två\r\nslut\r\n")
                == "Subject: x\r\n\r\n..hej\r\n...två\r\nslut\r\n.\r\n")
        #expect(DotStuffing.data("a\nb") == "a\r\nb\r\n.\r\n")
        // The edges: nothing, a lone CR, a dot after a bare LF, a last empty line, a
        // dot that does not start a line.
        #expect(DotStuffing.body("") == "\r\n")
        #expect(DotStuffing.body("a\r") == "a\r\r\n")
        #expect(DotStuffing.body("x\n.y") == "x\r\n..y\r\n")
        #expect(DotStuffing.body("a\r\n\r\n") == "a\r\n\r\n")
        #expect(DotStuffing.body("a.b\r\n.") == "a.b\r\n..\r\n")
        #expect(DotStuffing.body("Ärende.\r\n") == "Ärende.\r\n")
    }

    @Test func urlsGiveTheRightSecurity() throws {
        let plain = try SMTPConfiguration(url: "smtp://127.0.0.1:2525?starttls=never")
        #expect(plain.port == 2525 && plain.security == .none && plain.username == nil)
        let auth = try SMTPConfiguration(url: "smtp://kansli%40example.org:hem%3Aligt@mail.example.org")
        #expect(auth.port == 587 && auth.security == .startTLSRequired)
        #expect(auth.username == "kansli@example.org" && auth.password == "hem:ligt")
        #expect(try SMTPConfiguration(url: "smtps://mail.example.org").port == 465)
        #expect(throws: MailError.self) { try SMTPConfiguration(url: "smtpx://mail.example.org") }
    }
}
