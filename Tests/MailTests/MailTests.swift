import Foundation
import KalendariumCore
import Testing

@testable import Mail

@Suite struct MIMETests {
    static let now = UTCInstant(rfc3339: "2026-11-23T07:00:00Z")!

    static func message(
        subject: String = "Påminnelse: remissvar om Södertäljebroarna", html: String? = "<p>Hej</p>",
        attachments: [MailAttachment] = []
    ) -> MailMessage {
        MailMessage(
            from: MailAddress(name: "Södertörnskommunernas kansli", email: "kansli@example.org")!,
            to: MailAddress(name: "Helene Olofsson", email: "utvecklingsledare@example.org")!,
            subject: subject, date: now, messageID: "abc123@kalendarium.example.org",
            text: "Hej!\n.Punkt först\nRad med ä och en lång rad " + String(repeating: "ö", count: 80) + " \n",
            html: html, attachments: attachments,
            extraHeaders: [("List-Unsubscribe", "<mailto:kansli@example.org?subject=avregistrera>")])
    }

    @Test func headersAreEncodedWordsAndDatesAreStockholm() {
        let text = MIME.render(Self.message())
        #expect(text.contains("Subject: =?UTF-8?B?"))
        #expect(text.contains("From: =?UTF-8?B?"))
        #expect(text.contains("Date: Mon, 23 Nov 2026 08:00:00 +0100\r\n"))
        #expect(text.contains("Message-ID: <abc123@kalendarium.example.org>\r\n"))
        #expect(text.contains("MIME-Version: 1.0\r\n"))
        #expect(MIME.rfc5322Date(UTCInstant(rfc3339: "2021-08-30T06:00:00Z")!) == "Mon, 30 Aug 2021 08:00:00 +0200")
    }

    @Test func encodedWordsDecodeBackAndStayShort() throws {
        let subject = String(repeating: "Överenskommelse ", count: 8)
        let words = MIME.encodedWords(subject).split(separator: " ")
        var bytes: [UInt8] = []
        for word in words {
            #expect(word.count <= 75)
            let b64 = word.dropFirst("=?UTF-8?B?".count).dropLast(2)
            bytes += try #require(Data(base64Encoded: String(b64))).map { $0 }
        }
        #expect(String(decoding: bytes, as: UTF8.self) == subject)
        #expect(MIME.encodedWords("Plain ASCII") == "Plain ASCII")
    }

    /// Found by `scripts/fuzz` (FuzzMIME): a 3,000-letter ASCII subject, or name, has
    /// no space to fold at and made a header line of 3,008 octets (RFC 5322: 998 at most).
    @Test func aLongWordInAHeaderIsEncodedSoItFolds() {
        let long = String(repeating: "S", count: 3000)
        let message = MailMessage(
            from: MailAddress(name: long, email: "kansli@example.org")!,
            to: MailAddress(email: "utvecklingsledare@example.org")!, subject: "Om " + long, date: Self.now,
            messageID: "long@kalendarium.example.org", text: "x")
        let text = MIME.render(message)
        let header = text.components(separatedBy: "\r\n\r\n")[0]
        // A header name and one encoded word of 75 may share a line; nothing longer.
        for line in header.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 85, "\(line.prefix(40))") }
        #expect(header.contains("Subject: =?UTF-8?B?"))
        #expect(MIME.encodedWords("Plain ASCII with short words") == "Plain ASCII with short words")
    }

    /// Found by `scripts/fuzz` (FuzzMIME): a long file name, encoded, made a line of
    /// 2,242 octets; a quote in one could close the parameter.
    @Test func attachmentNamesArePlainAndShort() {
        #expect(MIME.safeFilename("ledningsgruppen-2027-01-22.ics") == "ledningsgruppen-2027-01-22.ics")
        #expect(MIME.safeFilename("möte \"x\"; y=z.ics") == "m-te--x---y-z.ics")
        #expect(MIME.safeFilename(String(repeating: "å", count: 500) + ".ics").count == 60)
        #expect(MIME.safeFilename(".ics") == "bilaga.ics")
        let text = MIME.render(
            Self.message(attachments: [
                MailAttachment(
                    filename: String(repeating: "ä", count: 900) + ".ics", contentType: "text/calendar", data: [65])
            ]))
        for line in text.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 998) }
    }

    /// The invitation is the body's last alternative, after text and HTML, in base64,
    /// with the method in its content type (RFC 6047 §2.4); the attachments follow.
    @Test func anInvitationIsTheLastAlternative() {
        let calendar = CalendarAlternative(method: "request", data: Array("BEGIN:VCALENDAR\r\n".utf8))
        #expect(calendar.contentType == "text/calendar; charset=utf-8; method=REQUEST")
        #expect(CalendarAlternative(method: "REQUEST; name=x", data: []).method == "REQUESTNAMEX")
        let withFile = MailMessage(
            from: MailAddress(email: "kansli@example.org")!, to: MailAddress(email: "eva@example.org")!,
            subject: "Kallelse", date: Self.now, messageID: "k@example.org", text: "Hej", html: "<p>Hej</p>",
            attachments: [MailAttachment(filename: "m.ics", contentType: "application/ics", data: [65])],
            calendar: calendar)
        let text = MIME.render(withFile, boundarySeed: "s")
        #expect(text.contains("Content-Type: multipart/mixed; boundary=\"mix-s\"\r\n"))
        let alternative =
            "--mix-s\r\nContent-Type: multipart/alternative; boundary=\"alt-s\"\r\n\r\n"
            + "--alt-s\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nHej\r\n\r\n"
            + "--alt-s\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n<p>Hej</p>\r\n\r\n"
            + "--alt-s\r\nContent-Type: text/calendar; charset=utf-8; method=REQUEST\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            + "QkVHSU46VkNBTEVOREFSDQo=\r\n\r\n--alt-s--\r\n\r\n--mix-s\r\n"
            + "Content-Type: application/ics; name=\"m.ics\"\r\n"
        #expect(text.contains(alternative))
        // Without attachments the alternative is the whole body, as Outlook.com sends it.
        let alone = MailMessage(
            from: MailAddress(email: "kansli@example.org")!, to: MailAddress(email: "eva@example.org")!,
            subject: "Kallelse", date: Self.now, messageID: "k@example.org", text: "Hej", calendar: calendar)
        let body = MIME.render(alone, boundarySeed: "s")
        #expect(body.contains("Content-Type: multipart/alternative; boundary=\"alt-s\"\r\n\r\n--alt-s\r\n"))
        #expect(
            body.contains(
                "method=REQUEST\r\nContent-Transfer-Encoding: base64\r\n\r\nQkVHSU46VkNBTEVOREFSDQo=\r\n\r\n--alt-s--\r\n"
            ))
        #expect(!body.contains("mix-s"))
    }

    @Test func lineBreaksCannotInjectHeaders() {
        let text = MIME.render(Self.message(subject: "Ärende\r\nBcc: angripare@example.org\nX-Evil: 1"))
        let headerBlock = text.components(separatedBy: "\r\n\r\n")[0]
        #expect(!headerBlock.contains("\r\nBcc:") && !headerBlock.contains("\r\nX-Evil:"))
        #expect(MailAddress(name: "x", email: "a@b.se\r\nBcc: c@d.se") == nil)
        #expect(MailAddress(name: "Namn\r\nBcc: c@d.se", email: "a@b.se")?.name == "Namn Bcc: c@d.se")
    }

    @Test func quotedPrintableKeepsLinesShortAndDotsSafe() {
        let qp = MIME.quotedPrintable("Hej!\n.Punkt först\n" + String(repeating: "å", count: 60) + " \n")
        let lines = qp.components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { $0.count <= 76 })
        #expect(!lines.contains { $0.hasPrefix(".") })
        #expect(qp.contains("=2EPunkt f=C3=B6rst"))
        #expect(qp.contains("=20\r\n"))  // trailing space kept
    }

    /// The encoder works on bytes for speed; it must encode exactly as the first,
    /// Character-by-Character version did (kept here as the reference), over texts made
    /// of what is hard: line ends of both kinds, dots, `=`, blanks at a line's end,
    /// multi-byte characters at the soft break. Lone CRs are tested on their own: the
    /// reference, joining lines as Characters, made "CR CR LF" one line holding "=0D=0A".
    @Test func quotedPrintableOnBytesEncodesAsTheReferenceDoes() {
        let pieces = ["a", "Ö", "å", "🚆", ".", "=", " ", "\t", "\n", "\r\n", "x", "~", "\u{7F}", "\u{01}"]
        var seed: UInt64 = 0x5EED
        func next(_ n: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(n))
        }
        for _ in 0..<3000 {
            let length = next(240)
            let text = (0..<length).map { _ in next(4) == 0 ? pieces[next(pieces.count)] : "x" }.joined()
            #expect(MIME.quotedPrintable(text) == Self.referenceQuotedPrintable(text), "\(Array(text.utf8))")
        }
        #expect(MIME.quotedPrintable("") == Self.referenceQuotedPrintable(""))
        #expect(MIME.quotedPrintable("a\rb\r\r\nc\r") == "a=0Db=0D\r\nc=0D\r\n")
    }

    @Test func boundariesAvoidTheLinesThatStartWithTwoDashes() {
        let lines = MIME.dashLines(["a\r\n--alt-1\r\nb -- c\r\n", "--mix-2", "-x\r\n--\r\n"])
        #expect(lines == ["--alt-1", "--mix-2", "--"])
        #expect(MIME.dashLines(["", "\r\n"]).isEmpty)
    }

    static func referenceQuotedPrintable(_ text: String) -> String {
        func hex(_ byte: UInt8) -> String {
            let digits = Array("0123456789ABCDEF")
            return "=" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0xF)])
        }
        var out = ""
        let lines = text.replacing("\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            var current = ""
            let bytes = Array(line.utf8)
            for (i, byte) in bytes.enumerated() {
                let isLast = i == bytes.count - 1
                var piece: String
                if (byte == 0x20 || byte == 0x09) && isLast {
                    piece = hex(byte)
                } else if (byte >= 33 && byte <= 126 && byte != 61) || byte == 0x20 || byte == 0x09 {
                    piece = String(UnicodeScalar(byte))
                    if current.isEmpty && byte == 0x2E { piece = hex(byte) }
                } else {
                    piece = hex(byte)
                }
                if current.count + piece.count > 75 {
                    out += current + "=\r\n"
                    current = ""
                    if piece == "." { piece = hex(0x2E) }
                }
                current += piece
            }
            out += current
            if index < lines.count - 1 { out += "\r\n" }
        }
        return out.hasSuffix("\r\n") ? out : out + "\r\n"
    }

    @Test func attachmentsMakeMultipartMixedAndRenderingIsDeterministic() {
        let ics = MailAttachment(
            filename: "möte.ics", contentType: "text/calendar; charset=utf-8; method=PUBLISH",
            data: Array("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n".utf8))
        let a = MIME.render(Self.message(attachments: [ics]), boundarySeed: "fixed")
        #expect(a == MIME.render(Self.message(attachments: [ics]), boundarySeed: "fixed"))
        #expect(a.contains("Content-Type: multipart/mixed; boundary=\"mix-"))
        #expect(a.contains("Content-Type: multipart/alternative; boundary=\"alt-"))
        #expect(a.contains("Content-Type: text/calendar; charset=utf-8; method=PUBLISH; name=\"m-te.ics\""))
        #expect(a.contains("Content-Transfer-Encoding: base64\r\n\r\nQkVHSU46VkNBTEVOREFSDQpFTkQ6VkNBTEVOREFSDQo=\r\n"))
        #expect(a.hasSuffix("--\r\n"))
    }
}

extension MIMETests {
    /// A description line shaped like the boundary cannot open a part of its own: the
    /// boundary is random per message (the old one, from the Message-ID, anyone could
    /// compute) and starts no line of the content.
    @Test func boundariesCannotBeGuessedOrInjected() throws {
        let template = Self.message()
        let guessed = "--alt-\(ContentHash.hex(template.messageID))"
        let hostile = MailMessage(
            from: template.from, to: template.to, subject: template.subject, date: template.date,
            messageID: template.messageID,
            text: "Beskrivning\n\(guessed)\nContent-Type: text/html\n\n<a href=\"https://example.com\">Logga in</a>\n",
            html: "<p>Hej</p>", attachments: [], extraHeaders: [])
        let one = MIME.render(hostile)
        let other = MIME.render(hostile)
        func boundary(_ text: String) throws -> String {
            let start = try #require(text.firstRange(of: "boundary=\""))
            return String(text[start.upperBound...].prefix { $0 != "\"" })
        }
        #expect(try boundary(one) != boundary(other))
        // Exactly the two real parts (text and HTML), and the injected line is only text.
        #expect(one.components(separatedBy: "\r\n--\(try boundary(one))\r\n").count == 3)
        #expect(one.contains("\r\n\(guessed)\r\n") && !one.contains("boundary=\"\(guessed.dropFirst(2))\""))
    }
}

@Suite struct TransportTests {
    @Test func maildirDeliversOnceIntoNew() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("maildir-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let transport = try MailURL.transport("maildir:\(dir)")
        let message = MIMETests.message()
        try await transport.deliver(OutgoingMail(message))
        try await transport.deliver(OutgoingMail(message))
        let files = try FileManager.default.contentsOfDirectory(atPath: "\(dir)/new")
        #expect(files.count == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: "\(dir)/tmp").isEmpty)
    }

    @Test func urlsAreCheckedAndPasswordsNeverShown() {
        #expect(
            MailURL.redacted("smtp://kansli:hemligt@mail.example.org:587") == "smtp://kansli:***@mail.example.org:587")
        do {
            _ = try MailURL.transport("ftp://kansli:hemligt@x")
            Issue.record("expected an error")
        } catch {
            #expect(!error.description.contains("hemligt"))
        }
    }

    /// A stand-in sendmail: the message on standard input with local line ends, the
    /// envelope as arguments; 75 (EX_TEMPFAIL) is temporary and its reason kept.
    @Test func sendmailGetsTheMessageAndItsExitStatusCounts() async throws {
        let programs = try StandInPrograms()
        defer { programs.remove() }
        let dir = programs.directory
        func program(_ name: String, _ script: String) throws -> SendmailTransport {
            SendmailTransport(program: try programs.program(name, script))
        }
        let mail = OutgoingMail(MIMETests.message())
        try await program("sendmail", "echo \"$@\" > \(dir)/args\ncat > \(dir)/message").deliver(mail)
        #expect(
            try String(contentsOfFile: "\(dir)/args", encoding: .utf8)
                == "-i -f kansli@example.org -- utvecklingsledare@example.org\n")
        let message = try String(contentsOfFile: "\(dir)/message", encoding: .utf8)
        #expect(message == mail.rendered.replacing("\r\n", with: "\n") && !message.contains("\r"))

        let busy = try program("busy", "cat > /dev/null\necho 'queue full' >&2\necho 'more' >&2\nexit 75")
        await #expect(throws: MailError(.temporary, "\(dir)/busy exited with 75 queue full")) {
            try await busy.deliver(mail)
        }
        let refusing = try program("refusing", "echo 'no such user' >&2\nexit 67")
        await #expect(throws: MailError(.permanent, "\(dir)/refusing exited with 67 no such user")) {
            try await refusing.deliver(mail)
        }
    }

    @Test func aMissingSendmailIsTemporary() async {
        let transport = SendmailTransport(program: "/nonexistent/sendmail")
        let message = MIMETests.message()
        do {
            try await transport.deliver(OutgoingMail(message))
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .temporary)
        }
    }
}
