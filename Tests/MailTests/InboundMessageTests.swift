import Foundation
import KalendariumCore
import Testing

@testable import Mail

/// Reading received mail: answers shaped as Outlook, Gmail, Apple Mail and Thunderbird
/// send them (`Fixtures/*.eml`), and the broken and hostile.
@Suite struct InboundMessageTests {
    static func fixture(_ name: String) throws -> [UInt8] {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: "eml"))
        return Array(try Data(contentsOf: url))
    }

    static func message(_ name: String) throws -> InboundMessage {
        try InboundMessage(parsing: try fixture(name))
    }

    /// Outlook through Exchange: Latin-1 encoded words, the calendar as the last
    /// alternative in base64.
    @Test func outlookReplyInBase64AsTheLastAlternative() throws {
        let message = try Self.message("outlook-accepted")
        #expect(message.subject == "Godkänt: Samarbetskommittén")
        #expect(
            message.from
                == MailAddress(name: "Nilsson Eva (Kommunstyrelseförvaltningen)", email: "Eva.Nilsson@haninge.example"))
        #expect(message.from?.name == "Nilsson Eva (Kommunstyrelseförvaltningen)")
        #expect(message.messageID == "HE1PR0701MB2203A1B2C3D4E5F6@HE1PR0701MB2203.eurprd07.prod.outlook.com")
        #expect(message.parts.map(\.contentType) == ["text/plain", "text/html", "text/calendar"])
        #expect(message.parts[0].text == "Jag kommer, men först kl. 9.30.\r\n")
        let calendar = try #require(message.calendarParts.first)
        #expect(message.calendarParts.count == 1)
        #expect(calendar.method == "REPLY")
        #expect(calendar.text.hasPrefix("BEGIN:VCALENDAR\r\nMETHOD:REPLY\r\n"))
        #expect(calendar.text.contains("COMMENT;LANGUAGE=sv-SE:Jag kommer\\, men först kl. 9.30."))
        // Folded headers are unfolded: the Received line is one value.
        #expect(message.header("received")?.contains("\tby mx.example.org") == true)
    }

    /// Gmail: the calendar inline (7bit) and again as invite.ics (application/ics).
    @Test func gmailReplyInlineAndAsInviteICS() throws {
        let message = try Self.message("gmail-declined")
        #expect(
            message.subject
                == "Avböjt: Samarbetskommittén @ tors 2 sep 2021 09:00 – 12:00 (CEST) (sekretariat@example.org)")
        #expect(message.from?.email == "per.svensson@gmail.example")
        #expect(message.parts[0].text == "Per Svensson har tackat nej till inbjudan.\r\n")
        let calendars = message.calendarParts
        #expect(calendars.map(\.contentType) == ["text/calendar", "application/ics"])
        #expect(calendars[1].filename == "invite.ics" && calendars[1].disposition == "attachment")
        #expect(calendars[1].method == nil)
        // The line break before a boundary is the boundary's, so the inline copy ends without it.
        #expect(calendars[0].text + "\r\n" == calendars[1].text)
        #expect(calendars[0].text.contains("PARTSTAT=DECLINED"))
    }

    /// Apple Mail: text first, then the reply attached, quoted-printable, parameters folded.
    @Test func appleReplyAttachedInQuotedPrintable() throws {
        let message = try Self.message("apple-tentative")
        #expect(message.subject == "Preliminärt accepterad: Samarbetskommittén")
        let calendar = try #require(message.calendarParts.first)
        #expect(calendar.filename == "iCal-20210826-160211.ics")
        #expect(calendar.method == "REPLY")
        #expect(calendar.parameters["x-unix-mode"] == "0644")
        #expect(
            calendar.text.contains(
                "ATTENDEE;CN=\"Anna Berg\";CUTYPE=INDIVIDUAL;EMAIL=\"anna.berg@icloud.example\";PARTSTAT=TENTATIVE:mailto:anna.berg@icloud.example\r\n"
            ))
        #expect(calendar.text.contains("ORGANIZER;CN=\"Södertörnskommunernas sekretariat\""))
    }

    /// Thunderbird, stored by the MTA with bare LF line ends: 8bit UTF-8, a preamble.
    @Test func thunderbirdReplyIn8bitWithLFLineEnds() throws {
        let message = try Self.message("thunderbird-delegated")
        #expect(message.subject == "Delegerad: Samarbetskommittén")
        #expect(message.parts.map(\.contentType) == ["text/plain", "text/calendar", "application/ics"])
        #expect(message.parts[0].text == "Magnus Gyllestad har delegerat inbjudan till Helene Olofsson.\n")
        #expect(message.calendarParts[0].text.contains("PARTSTAT=DELEGATED;ROLE=REQ-PARTICIPANT;\n DELEGATED-TO="))
        #expect(message.calendarParts[1].text.contains("\r\n DELEGATED-TO="))
    }

    /// A reply forwarded as an attachment is read through its message/rfc822 part.
    @Test func aForwardedReplyIsReadInside() throws {
        let message = try Self.message("forwarded-reply")
        #expect(message.subject == "Fwd: Godkänt: Samarbetskommittén")
        #expect(message.from?.email == "lena.ek@nykvarn.example")
        #expect(message.parts.map(\.contentType) == ["text/plain", "text/plain", "text/html", "text/calendar"])
        #expect(message.calendarParts.first?.text.contains("PARTSTAT=ACCEPTED") == true)
    }

    @Test func aPlainAnswerHasNoCalendar() throws {
        let message = try Self.message("plain-answer")
        #expect(message.calendarParts.isEmpty)
        #expect(message.subject == "Re: Kallelse: Samarbetskommittén")
        #expect(message.from?.name == "Olofsson, Helene")
        // Windows-1252: the dash is 0x96.
        #expect(message.parts.first?.text == "Hej! Jag kan tyvärr inte komma – jag är på semester.\r\n")
    }

    /// Cut off inside the calendar: the part ends where the message does.
    @Test func aTruncatedMessageKeepsWhatArrived() throws {
        let message = try Self.message("truncated")
        #expect(message.calendarParts.count == 1)
        #expect(message.calendarParts[0].text.hasSuffix("STATUS:CONFIRMED\r\n"))
        #expect(!message.calendarParts[0].text.contains("SUMMARY"))
        #expect(message.calendarParts[0].text.contains("UID:samarbetskommitten-2021-09-02@"))
    }

    @Test func aMessageWithoutMIMEIsOneTextPart() throws {
        let message = try InboundMessage(parsing: Array("Subject: hej\nFrom: a@b.example\n\nrad ett\nrad två\n".utf8))
        #expect(message.parts == [InboundPart(contentType: "text/plain", body: Array("rad ett\nrad två\n".utf8))])
        #expect(message.from == MailAddress(email: "a@b.example"))
    }

    @Test func encodedWordsAndAddresses() {
        #expect(EncodedWords.decode("=?UTF-8?B?w4RyZW5kZQ==?= =?UTF-8?Q?_om_m=C3=B6te?=") == "Ärende om möte")
        // One character split across two words is put back together.
        #expect(EncodedWords.decode("=?UTF-8?Q?M=C3?= =?UTF-8?Q?=B6te?=") == "Möte")
        #expect(EncodedWords.decode("=?iso-8859-15?Q?=A4?= and =?windows-1252?Q?=80?=") == "€ and €")
        #expect(EncodedWords.decode("Re: =?utf-8?q?m=C3=B6te?= imorgon") == "Re: möte imorgon")
        #expect(EncodedWords.decode("=?utf-8?x?bad?= =?broken") == "=?utf-8?x?bad?= =?broken")
        #expect(
            InboundMessage.address("\"Berg, Anna\" <anna@x.example>")
                == MailAddress(name: "Berg, Anna", email: "anna@x.example"))
        #expect(InboundMessage.address("anna@x.example (Anna Berg)") == MailAddress(email: "anna@x.example"))
        // A decoded name cannot pose as the address: the address comes from the raw text.
        let spoof = InboundMessage.address("=?utf-8?q?x_<boss@evil.example>?= <anna@x.example>")
        #expect(spoof?.email == "anna@x.example")
        #expect(InboundMessage.address("\"x <boss@evil.example>\" <anna@x.example>")?.email == "anna@x.example")
        #expect(InboundMessage.address("undisclosed-recipients:;") == nil)
        // Many adjacent words decode in linear time (a hostile Subject of megabytes).
        let many = EncodedWords.decode(String(repeating: "=?utf-8?q?a?= ", count: 100_000))
        #expect(many == String(repeating: "a", count: 100_000) + " ")
    }

    @Test func rfc2231ParametersAreJoinedAndDecoded() {
        let header = ContentHeader(
            "attachment; filename*0*=UTF-8''M%C3%B6te%20; filename*1=\"2021.ics\"; size=12; name=\"a \\\"b\\\"\"")
        #expect(header.value == "attachment")
        #expect(header.parameters["filename"] == "Möte 2021.ics")
        #expect(header.parameters["name"] == "a \"b\"")
        #expect(header.parameters["size"] == "12")
        #expect(ContentHeader("TEXT/Calendar;METHOD=reply;charset=\"UTF-8\"").parameters["method"] == "reply")
    }

    @Test func transferEncodingsAreLenient() {
        #expect(Base64.decode(Array("w6Rw\r\n\r\nw7Y=junk".utf8)) == Array("äpö".utf8))
        #expect(
            TransferDecoding.quotedPrintable(Array("a=C3=A4 =\r\nb=\nc =3d=ZZ  \r\nd".utf8)[...])
                == Array("aä bc ==ZZ\r\nd".utf8))
        #expect(Charset.decode([0x93, 0x61, 0x94], charset: "cp1252") == "\u{201C}a\u{201D}")
        #expect(Charset.decode([0xE4], charset: "x-unknown") == "ä")  // not UTF-8: read as Windows-1252
        #expect(Charset.decode([0xFF, 0x61], charset: "utf-8") == "\u{FFFD}a")
    }

    @Test func tooLargeTooDeepAndTooManyPartsAreRefusedWithTheReason() {
        func reason(_ bytes: [UInt8]) -> String? {
            do {
                _ = try InboundMessage(parsing: bytes)
                return nil
            } catch { return error.message }
        }
        #expect(
            reason([UInt8](repeating: 65, count: InboundMessage.maximumSize + 1))
                == "the message is 10.0 MiB; answers are read up to 10 MiB, so a person should read this one")
        let deep = (0..<40).map { "Content-Type: multipart/mixed; boundary=b\($0)\n\n--b\($0)\n" }.joined()
        #expect(reason(Array(deep.utf8)) == "the message nests parts more than 16 deep; it is not read as mail")
        let many =
            "Content-Type: multipart/mixed; boundary=x\n\n" + String(repeating: "--x\n\nhej\n", count: 600) + "--x--\n"
        #expect(
            reason(Array(many.utf8)) == "the message has more than 500 parts; answers have a few, so it is not read")
        let fields = String(repeating: "X-A: 1\n", count: 1001) + "\n"
        #expect(reason(Array(fields.utf8)) == "a part has more than 1000 header fields; it is not read as mail")
    }

    /// Whatever the bytes, reading returns or refuses; it never traps.
    @Test func garbageNeverCrashes() throws {
        var generator = SystemRandomNumberGenerator()
        let pieces = [
            "Content-Type: multipart/mixed; boundary=\"b\"\r\n", "\r\n", "--b\r\n", "--b--\r\n", "=?utf-8?B?", "?=",
            "Content-Transfer-Encoding: base64\r\n", "Content-Transfer-Encoding: quoted-printable\r\n", "=", "=F",
            "Content-Type: message/rfc822\r\n", "Content-Type: text/calendar; charset=latin1\r\n", " folded\r\n",
            "\u{0}", "\r", "\n", "BEGIN:VCALENDAR\r\n", "filename*0*=x'';", "ä",
        ]
        for _ in 0..<2000 {
            let text = (0..<Int.random(in: 0..<40, using: &generator)).map { _ in
                pieces.randomElement(using: &generator)!
            }
            .joined()
            if let message = try? InboundMessage(parsing: Array(text.utf8)) {
                _ = (message.subject, message.from, message.messageID, message.calendarParts.map(\.text))
            }
        }
        for name in ["outlook-accepted", "gmail-declined", "apple-tentative", "thunderbird-delegated"] {
            let bytes = try Self.fixture(name)
            for cut in stride(from: 0, to: bytes.count, by: 97) {
                _ = try? InboundMessage(parsing: Array(bytes[..<cut]))
            }
        }
    }
}
