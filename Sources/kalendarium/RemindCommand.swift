import ArgumentParser
import CalendarFiles
import Feeds
import Foundation
import KalendariumApp
import KalendariumCore
import Mail
import Reminders
import Store

/// `kalendarium remind`: one reminder pass, as `serve` runs each working day at 08:00.
struct RemindCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remind",
        abstract: "Run one reminder pass: decide, queue in the outbox, send.",
        discussion: """
            Reminders go out at 08:00 Europe/Stockholm on working days; a pass at another time \
            decides nothing new but still sends what is queued. Run it with --now to catch up by \
            hand; what is no longer relevant is listed as stale and not sent.
            """
    )

    @OptionGroup var calendars: CalendarOptions
    @Option(
        help: ArgumentHelp(
            SettingHelp.state + " The database is there unless --database names one.",
            valueName: "DIR"))
    var state: String?
    @OptionGroup var database: DatabaseOption
    @Option(help: ArgumentHelp("Run as of this time (RFC 3339), e.g. 2021-08-30T08:00:00+02:00.", valueName: "TIME"))
    var now: String?
    @Flag(help: "Show what would be queued; queue and send nothing.") var dryRun = false
    @Flag(help: "Decide and queue, but leave the sending to the running daemons.") var queueOnly = false
    @Flag(
        help:
            "Send what the outbox holds, deciding nothing: after the mail server is back, say, or to drain a queue made with --queue-only."
    )
    var sendOnly = false
    @Flag(help: "Show the outbox (pending, sending, failed, sent, uncertain) and exit.") var status = false
    @Option(help: "Output format of --status: text or json.") var format: OutputFormat = .text
    @Option(
        help: ArgumentHelp(
            "Seconds this pass's claims hold without its heartbeat: if it is killed, others send its messages this much later (default $KALENDARIUM_CLAIM_SECONDS, else 30).",
            valueName: "S"))
    var claimSeconds: Int?
    @Option(
        help: ArgumentHelp(
            "Where mail goes: maildir:PATH, sendmail:, smtp://… (default: maildir in the state directory).",
            valueName: "URL"))
    var mail: String?
    @Option(
        help: ArgumentHelp("Sender, e.g. \"Södertörnskommunernas kansli <kansli@example.org>\".", valueName: "ADDRESS"))
    var mailFrom: String?
    @Option(
        help: ArgumentHelp(
            "Read calendar apps' answers to the kallelse's invitation from this maildir first (default $KALENDARIUM_MAIL_IN).",
            valueName: "maildir:PATH"))
    var mailIn: String?
    @OptionGroup var links: EventLinkOptions

    /// Every flag of this command as a settings layer.
    var flags: SettingLayer {
        var flags = links.flags
        flags[.state] = state
        flags[.database] = database.database
        flags[.mail] = mail
        flags[.mailFrom] = mailFrom
        flags[.mailIn] = mailIn
        flags[.claimSeconds] = claimSeconds.map(String.init)
        return flags
    }

    func validate() throws {
        let modes = [
            ("--dry-run", dryRun), ("--queue-only", queueOnly), ("--send-only", sendOnly), ("--status", status),
        ]
        .filter(\.1).map(\.0)
        if modes.count > 1 {
            throw ValidationError("\(modes.joined(separator: " and ")) cannot be combined: choose one")
        }
    }

    func run() async throws {
        let settings = try calendars.settings(flags)
        if sendOnly {
            try await send(settings)
            return
        }
        if status {
            let format = self.format
            let lines = try await DatabaseOption.withStore(settings) { store in
                try await OutboxStatus.lines(store, format: format)
            }
            for line in lines { print(line) }
            return
        }
        let load = try calendars.loadOrExit(settings)
        let people = PeopleAndItemsFiles.recipients("\(settings.calendars)/recipients.yaml")
        guard people.errors.isEmpty else {
            for error in people.errors { StandardError.print(error.description) }
            throw ExitCode(1)
        }
        let instant =
            try now.map { text in
                guard let t = UTCInstant(rfc3339: text) else {
                    throw ValidationError("--now \"\(text)\" is not an RFC 3339 time")
                }
                return t
            } ?? WallClock.now()
        do {
            let mailConfiguration = try MailConfiguration(settings)
            let feeds = settings.feedSettings
            let export = FeedExport(settings: feeds, stateDirectory: settings.state)
            let transport = try mailConfiguration.transport()
            let mailSettings = MailSettings(
                from: mailConfiguration.from, unsubscribe: mailConfiguration.unsubscribe, feeds: feeds)
            let (dryRun, queueOnly, data, recipients) = (self.dryRun, self.queueOnly, load.data, people.recipients)
            let claimSeconds = Int(settings.claimSeconds.rounded(.up))
            var inbox: MaildirInbox?
            if let mailIn = settings.mailIn {
                do throws(InboxError) { inbox = try MailURL.inbox(mailIn) } catch {
                    StandardError.print("error: \(error.message)")
                    throw ExitCode(1)
                }
            }
            let answersInbox = inbox
            let (report, answers) = try await DatabaseOption.withStore(settings) { store in
                // The answers that came in first, so the pass counts them.
                var answers: InboxReport?
                if let answersInbox, !dryRun {
                    answers = try await AnswerInbox(inbox: answersInbox, store: store, settings: feeds).read(
                        data: data, recipients: recipients, now: instant)
                }
                // The feeds' revisions, so an attached meeting has the UID and SEQUENCE
                // subscribers see: with several daemons, those of the generation they serve.
                // Built with the published agendas, whose titles the feeds' text carries.
                let agendas = try await store.agendas().latestVersions
                let revisions =
                    try await store.latestCalendar().map { try CalendarSnapshotFiles.decode($0.revisions) }
                    ?? export.build(data, now: instant, agendas: agendas).revisions
                let run = ReminderRun(store: store, transport: transport, settings: mailSettings)
                var report = try await run.plan(
                    now: instant, data: data, recipients: recipients, revisions: revisions,
                    dryRun: dryRun)
                if !dryRun && !queueOnly {
                    try await run.dispatch(
                        now: instant, claimSeconds: claimSeconds, clock: WallClock.now, into: &report)
                }
                return (report, answers)
            }
            if let answers { for line in AnswerInbox.lines(answers) { print(line) } }
            print(
                report.date.map { "pass of \($0)" }
                    ?? "not a sending time (working days from 08:00 Europe/Stockholm); nothing decided")
            for line in report.queued { print("\(dryRun ? "would queue" : "queued"): \(line)") }
            try Self.printOutcome(report, mail: mailConfiguration, failedAnswers: !(answers?.failed.isEmpty ?? true))
        } catch let error as AppError {
            StandardError.print("error: \(error.description)")
            throw ExitCode(1)
        }
    }

    /// `--send-only`: the dispatch half of a pass, without the calendars or recipients.
    private func send(_ settings: Settings) async throws {
        let instant =
            try now.map { text in
                guard let t = UTCInstant(rfc3339: text) else {
                    throw ValidationError("--now \"\(text)\" is not an RFC 3339 time")
                }
                return t
            } ?? WallClock.now()
        do {
            let mailConfiguration = try MailConfiguration(settings)
            let transport = try mailConfiguration.transport()
            let mailSettings = MailSettings(
                from: mailConfiguration.from, unsubscribe: mailConfiguration.unsubscribe, feeds: settings.feedSettings)
            let claimSeconds = Int(settings.claimSeconds.rounded(.up))
            let report = try await DatabaseOption.withStore(settings) { store in
                var report = ReminderRun.Report()
                try await ReminderRun(store: store, transport: transport, settings: mailSettings).dispatch(
                    now: instant, claimSeconds: claimSeconds, clock: WallClock.now, into: &report)
                return report
            }
            try Self.printOutcome(report, mail: mailConfiguration, failedAnswers: false)
        } catch let error as AppError {
            StandardError.print("error: \(error.description)")
            throw ExitCode(1)
        }
    }

    /// What was sent and what was not; exits 1 when a message failed for good.
    private static func printOutcome(
        _ report: ReminderRun.Report, mail: MailConfiguration, failedAnswers: Bool
    ) throws {
        for line in report.sent { print("sent: \(line)") }
        for line in report.retrying { print("will retry: \(line)") }
        for line in report.failed { print("failed: \(line)") }
        for line in report.stale { print("stale, not sent: \(line)") }
        for item in report.unaddressed { print("no recipient for item #\(item.id ?? 0): \(item.title)") }
        print("mail: \(mail.redactedURL)")
        for line in report.unrecorded { print("delivered, but not recorded as sent: \(line)") }
        for line in report.withheld { print("left to another sender: \(line)") }
        for line in report.uncertain { print("uncertain, may arrive twice: \(line)") }
        if !report.failed.isEmpty || failedAnswers { throw ExitCode(1) }
    }
}
