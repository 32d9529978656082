import Foundation
import ICalendar
import KalendariumCore
import Testing

@testable import Feeds

/// iTIP REPLYs (RFC 5546 §3.2.3) as the big clients send them (`Fixtures/replies`,
/// modelled on Outlook's, Gmail's, Apple Calendar's and Thunderbird's), and what is not
/// one, refused with the reason a person reads beside the moved-aside mail.
@Suite struct CalendarReplyTests {
    static let uid = "samarbetskommitten-2021-09-02@kalendarium.sodertornskommunerna.se"

    static func fixture(_ name: String) throws -> String {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/replies/\(name)", withExtension: "ics"))
        return try String(contentsOf: url, encoding: .utf8)
    }

    static func reply(
        _ attendee: String = "ATTENDEE;PARTSTAT=ACCEPTED:mailto:eva@haninge.example", method: String = "METHOD:REPLY",
        extra: String = ""
    ) -> String {
        let lines =
            [
                "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test//EN", method, "BEGIN:VEVENT", "UID:\(uid)",
                "DTSTAMP:20210826T120301Z", attendee,
            ] + (extra.isEmpty ? [] : [extra]) + ["END:VEVENT", "END:VCALENDAR"]
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    func refusal(_ text: String, sender: String? = nil) -> String? {
        do {
            _ = try CalendarReply.parse(text, sender: sender)
            return nil
        } catch {
            return error.reason
        }
    }

    @Test func outlookAcceptsWithAComment() throws {
        let reply = try CalendarReply.parse(try Self.fixture("outlook-accepted"))
        #expect(reply.uid == Self.uid)
        #expect(reply.meetingID(in: FeedSettings()) == "samarbetskommitten-2021-09-02")
        #expect(reply.attendee == "eva.nilsson@haninge.example")  // MAILTO: and the case gone
        #expect(reply.attendeeName == "Eva Nilsson")
        #expect(reply.status == .accepted)
        #expect(reply.sequence == 2)
        #expect(reply.stamp == UTCInstant(rfc3339: "2021-08-25T07:15:12Z"))
        #expect(reply.comment == "Jag kommer, men först kl. 9.30.")
        #expect(reply.delegatedTo.isEmpty)
    }

    @Test func gmailDeclines() throws {
        let reply = try CalendarReply.parse(try Self.fixture("gmail-declined"))
        #expect(reply.status == .declined)
        #expect(reply.attendee == "per.svensson@gmail.example")
        #expect(reply.attendeeName == "per.svensson@gmail.example")  // folded in the middle of the CN
        #expect(reply.organizer == "sekretariat@example.org")
        #expect(reply.stamp == UTCInstant(rfc3339: "2021-08-26T12:03:01Z"))
        #expect(reply.comment == nil)
    }

    @Test func appleIsTentative() throws {
        let reply = try CalendarReply.parse(try Self.fixture("apple-tentative"))
        #expect(reply.status == .tentative)
        #expect(reply.attendee == "anna.berg@icloud.example")
        #expect(reply.attendeeName == "Anna Berg")
    }

    @Test func thunderbirdDelegates() throws {
        let reply = try CalendarReply.parse(try Self.fixture("thunderbird-delegated"))
        #expect(reply.status == .delegated)
        #expect(reply.attendee == "magnus.gyllestad@salem.example")
        #expect(reply.delegatedTo == ["helene.olofsson@salem.example"])
        #expect(reply.comment == "Helene går i mitt ställe.")
    }

    /// RFC 5545 §3.2.12: without PARTSTAT the attendee has not answered.
    @Test func noPartstatIsNeedsAction() throws {
        let reply = try CalendarReply.parse(try Self.fixture("no-partstat"))
        #expect(reply.status == .needsAction)
        #expect(reply.sequence == 0)
    }

    @Test(arguments: CalendarReply.Status.allCases)
    func everyPartstatIsRead(_ status: CalendarReply.Status) throws {
        let text = Self.reply("ATTENDEE;PARTSTAT=\(status.rawValue.lowercased()):mailto:eva@haninge.example")
        #expect(try CalendarReply.parse(text).status == status)
    }

    @Test func otherMethodsAreNotReplies() {
        #expect(
            refusal(Self.reply(method: "METHOD:REQUEST"))
                == "METHOD:REQUEST is an invitation, not a reply (METHOD:REPLY)")
        #expect(
            refusal(Self.reply(method: "METHOD:PUBLISH"))
                == "METHOD:PUBLISH is a published calendar, not a reply (METHOD:REPLY)")
        #expect(
            refusal(Self.reply(method: "METHOD:COUNTER"))
                == "METHOD:COUNTER is a proposal of another time, not a reply (METHOD:REPLY)")
        #expect(
            refusal(Self.reply(method: "X-NOTHING:1"))
                == "the calendar has no METHOD: a calendar file, not an answer to an invitation")
    }

    @Test func brokenRepliesSayWhatIsMissing() {
        #expect(refusal(Self.reply("X-NOBODY:1")) == "the reply names no ATTENDEE, so nobody answers")
        #expect(
            refusal(Self.reply("ATTENDEE;PARTSTAT=X-MAYBE:mailto:eva@haninge.example"))
                == "PARTSTAT=X-MAYBE is not an answer to a meeting (ACCEPTED, DECLINED, TENTATIVE, DELEGATED or NEEDS-ACTION)"
        )
        #expect(
            refusal(Self.reply("ATTENDEE;PARTSTAT=ACCEPTED:urn:uuid:1234"))
                == "the attendee \"urn:uuid:1234\" is not a mailto: address")
        #expect(
            refusal("BEGIN:VCALENDAR\r\nMETHOD:REPLY\r\nEND:VCALENDAR\r\n")
                == "the reply answers no event (it has no VEVENT)")
        let twoEvents = Self.reply().replacing(
            "END:VEVENT", with: "END:VEVENT\r\nBEGIN:VEVENT\r\nUID:other@example.org\r\nEND:VEVENT")
        #expect(refusal(twoEvents) == "the reply answers 2 events at once")
    }

    /// A client that lists every attendee (RFC 5546 asks for one) is read by the sender.
    @Test func severalAttendeesArePickedByTheSender() throws {
        let text = Self.reply(
            "ATTENDEE;PARTSTAT=NEEDS-ACTION:mailto:per@haninge.example\r\nATTENDEE;PARTSTAT=DECLINED:mailto:Eva@Haninge.example"
        )
        #expect(try CalendarReply.parse(text, sender: "eva@haninge.example").status == .declined)
        #expect(
            refusal(text)
                == "the reply names 2 attendees and none is the sender alone; a reply names the one who answers (RFC 5546 §3.2.3)"
        )
    }

    @Test func garbageIsNotAReply() {
        for text in ["", "hej", "BEGIN:VCALENDAR", "\u{0}\u{1}\u{2}", String(repeating: "BEGIN:VEVENT\r\n", count: 3)] {
            #expect(refusal(text) != nil, "\(text.debugDescription)")
        }
    }

    /// A few kilobytes of BEGIN lines nest deeper than any reply; refused before libical
    /// reads them (and recursion in reading them could run out of stack).
    @Test func deepNestingAndHugeCalendarsAreRefused() {
        let deep = String(repeating: "BEGIN:VCALENDAR\r\n", count: 20_000)
        #expect(refusal(deep) == "the calendar cannot be read: components nest 9 deep, more than the 8 read here")
        let folded = "BEGIN:VCALENDAR\r\n" + String(repeating: "BEG\r\n IN:VEVENT\r\n", count: 10)
        #expect(refusal(folded)?.contains("nest 9 deep") == true)
        let huge = Self.reply(extra: "COMMENT:" + String(repeating: "x", count: CalendarReply.maximumSize))
        #expect(refusal(huge) == "the calendar is 1024 KiB; a reply is a few, so it is not read")
    }
}
