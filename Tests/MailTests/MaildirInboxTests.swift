import Foundation
import KalendariumCore
import Testing

@testable import Mail

/// The answers inbox: every message ends in Done, in Unmatched with its reason, or where
/// it was; none is lost, copied or overwritten.
@Suite struct MaildirInboxTests {
    static let now = UTCInstant(rfc3339: "2021-08-26T12:00:00Z")!
    struct Boom: Error, CustomStringConvertible { var description: String { "the store is down" } }

    let root = FileManager.default.temporaryDirectory.appendingPathComponent("inbox-\(UUID().uuidString)").path
    var inbox: MaildirInbox { MaildirInbox(directory: root) }

    func deliver(_ name: String, _ text: String, into sub: String = "new") throws {
        try FileManager.default.createDirectory(atPath: "\(root)/\(sub)", withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: "\(root)/\(sub)/\(name)", contents: Data(text.utf8)))
    }

    func files(_ folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: "\(root)/\(folder)").sorted()
    }

    static func mail(_ subject: String) -> String { "From: eva@haninge.example\nSubject: \(subject)\n\nhej\n" }

    @Test func eachVerdictMovesTheMessageAndAFailureLeavesItInPlace() async throws {
        try deliver("1630000001.M1P1.mx", Self.mail("svar"))
        try deliver("1630000002.M2P1.mx", Self.mail("okänt"))
        try deliver("1630000003.M3P1.mx:2,RS", Self.mail("fel"), into: "cur")
        try deliver("1630000004.M4P1.mx:2,", Self.mail("svar igen"), into: "cur")
        var seen: [String] = []
        let report = try await inbox.process(now: Self.now) { message in
            let subject = message.subject ?? ""
            seen.append(subject)
            switch subject {
            case "svar", "svar igen": return .recorded
            case "okänt": return .unmatched(reason: "no meeting has the UID x@example.org")
            default: throw Boom()
            }
        }
        #expect(seen == ["svar", "okänt", "fel", "svar igen"])  // oldest first, new/ and cur/ together
        #expect(
            report.recorded == [
                "\(root)/.Kalendarium.Done/cur/1630000001.M1P1.mx:2,S",
                "\(root)/.Kalendarium.Done/cur/1630000004.M4P1.mx:2,S",
            ])
        #expect(
            report.unmatched == [
                .init(
                    file: "\(root)/.Kalendarium.Unmatched/new/1630000002.M2P1.mx",
                    reason: "no meeting has the UID x@example.org")
            ])
        #expect(report.failed == [.init(file: "\(root)/cur/1630000003.M3P1.mx:2,RS", error: "the store is down")])
        #expect(report.problems.isEmpty)
        #expect(try files("new").isEmpty)
        #expect(try files("cur") == ["1630000003.M3P1.mx:2,RS"])
        #expect(try files(".Kalendarium.Done/cur") == ["1630000001.M1P1.mx:2,S", "1630000004.M4P1.mx:2,S"])
        #expect(try files(".Kalendarium.Unmatched/new") == ["1630000002.M2P1.mx"])
        #expect(
            try String(contentsOfFile: "\(root)/.Kalendarium.Unmatched/unmatched.log", encoding: .utf8)
                == "2021-08-26T12:00:00Z\t1630000002.M2P1.mx\tno meeting has the UID x@example.org\n")
        // The folders are Maildir++ folders, as IMAP servers expect them.
        for folder in [".Kalendarium.Done", ".Kalendarium.Unmatched"] {
            #expect(try files(folder).contains("maildirfolder"))
            #expect(try files(folder).filter { ["tmp", "new", "cur"].contains($0) }.count == 3)
        }
        // The content is untouched: moved, not rewritten.
        #expect(
            try String(contentsOfFile: report.recorded[0], encoding: .utf8) == Self.mail("svar"))

        // The next pass tries the failed one again, and only that one.
        let again = try await inbox.process(now: Self.now) { _ in .recorded }
        #expect(again.recorded == ["\(root)/.Kalendarium.Done/cur/1630000003.M3P1.mx:2,RS"])
        #expect(try files("cur").isEmpty)
        let idle = try await inbox.process(now: Self.now) { _ in
            Issue.record("nothing waits"); return .recorded
        }
        #expect(idle.isEmpty)
    }

    /// Too large or nested too deep to be an answer: aside with why, the handler not asked.
    @Test func whatIsNotMailGoesAsideUnread() async throws {
        try deliver("1.big.mx", String(repeating: "x", count: InboundMessage.maximumSize + 1))
        let deep = (0..<40).map { "Content-Type: multipart/mixed; boundary=b\($0)\n\n--b\($0)\n" }.joined()
        try deliver("2.deep.mx", deep)
        let report = try await inbox.process(now: Self.now) { _ in
            Issue.record("the handler is not asked")
            return .recorded
        }
        #expect(
            report.unmatched.map(\.reason) == [
                "the message is 10.0 MiB; answers are read up to 10 MiB, so a person should read this one",
                "the message nests parts more than 16 deep; it is not read as mail",
            ])
        #expect(try files(".Kalendarium.Unmatched/new") == ["1.big.mx", "2.deep.mx"])
    }

    /// A name already taken in the folder (the same message restored into the inbox)
    /// gets a number: rename(2) would otherwise replace the earlier file.
    @Test func nothingIsOverwritten() async throws {
        try deliver("1.same.mx", Self.mail("första"))
        _ = try await inbox.process(now: Self.now) { _ in .recorded }
        try deliver("1.same.mx", Self.mail("andra"))
        let report = try await inbox.process(now: Self.now) { _ in .recorded }
        #expect(report.recorded == ["\(root)/.Kalendarium.Done/cur/1.same.mx.1:2,S"])
        #expect(try files(".Kalendarium.Done/cur") == ["1.same.mx.1:2,S", "1.same.mx:2,S"])
        #expect(
            try String(contentsOfFile: "\(root)/.Kalendarium.Done/cur/1.same.mx:2,S", encoding: .utf8).contains(
                "första"))
    }

    /// Dot files (half-written by some tools) and directories are not messages.
    @Test func dotFilesAndDirectoriesAreSkipped() async throws {
        try deliver(".1.partial", Self.mail("halv"))
        try FileManager.default.createDirectory(atPath: "\(root)/new/sub", withIntermediateDirectories: true)
        #expect(try await inbox.pending().isEmpty)
        #expect(try files("new") == [".1.partial", "sub"])
    }

    @Test func anInboxThatIsAFileIsAnError() async throws {
        try FileManager.default.createDirectory(
            atPath: (root as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: root, contents: Data("x".utf8)))
        await #expect(throws: InboxError("the mail inbox \(root) is a file, not a maildir directory")) {
            try await inbox.pending()
        }
    }

    @Test func mailInValuesAreMaildirPaths() throws {
        #expect(try MailURL.inbox("maildir:/var/mail/svar").directory == "/var/mail/svar")
        #expect(try MailURL.inbox("maildir:///var/mail/svar/").directory == "/var/mail/svar")
        #expect(try MailURL.inbox("maildir:svar", relativeTo: "/srv/kalendarium").directory == "/srv/kalendarium/svar")
        #expect(try MailURL.inbox("maildir:./a/../svar", relativeTo: "/srv/k/").directory == "/srv/k/svar")
        #expect(throws: InboxError("--mail-in maildir: needs a directory, as maildir:/var/mail/kalendarium-svar")) {
            try MailURL.inbox("maildir:")
        }
        #expect(throws: InboxError("--mail-in \"/var/mail/svar\" needs its scheme: write maildir:/var/mail/svar")) {
            try MailURL.inbox("/var/mail/svar")
        }
        #expect(
            throws: InboxError(
                "--mail-in \"imaps://kansli:***@imap.example.org\": answers are read from a maildir only; write "
                    + "--mail-in maildir:PATH (as maildir:/var/mail/kalendarium-svar) and let the MTA or fetchmail "
                    + "deliver the organizer address's mail there")
        ) {
            try MailURL.inbox("imaps://kansli:hemligt@imap.example.org")
        }
    }
}
