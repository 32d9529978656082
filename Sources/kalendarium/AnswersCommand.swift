import ArgumentParser
import CalendarFiles
import KalendariumApp
import KalendariumCore
import Presentation
import Store

/// `kalendarium answers MEETING [--format json]`: who comes to a meeting, and the quorum
/// forecast; `kalendarium answers set` records an answer given by phone or in passing.
struct AnswersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "answers",
        abstract: "Show the answers to a meeting's kallelse and the quorum forecast, or record one.",
        discussion: """
            MEETING is a meeting's identity (ledningsgruppen-2021-08-20) or next:BODY. Members answer with the \
            links in their kallelse or with their calendar app's invitation buttons; the latest answer counts \
            and every change is kept.
            """,
        subcommands: [Show.self, Set.self], defaultSubcommand: Show.self)

    /// The meeting, the people and their answers, as the secretariat sees them.
    static func answers(_ common: StoreOptions, _ reference: String) async throws -> (MeetingAnswers, UTCInstant) {
        let context = try AgendaCommand.context(common, reference)
        let recipients = try recipients(common)
        let records = try await common.withStore { try await $0.answers(meetings: [context.meeting.id]) }
        return (
            MeetingAnswers(meeting: context.meeting, data: context.data, recipients: recipients, records: records),
            try common.instant
        )
    }

    static func recipients(_ common: StoreOptions) throws -> [Recipient] {
        let directory = try common.calendars.directory
        let people = PeopleAndItemsFiles.recipients("\(directory)/recipients.yaml")
        guard people.errors.isEmpty else {
            for error in people.errors { StandardError.print(error.description) }
            throw ExitCode(1)
        }
        return people.recipients
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Show who comes and the quorum forecast.")
        @OptionGroup var common: StoreOptions
        @Argument(help: "The meeting.") var meeting: String
        @Option(help: "text or json.") var format: OutputFormat = .text

        func run() async throws {
            let (answers, now) = try await AnswersCommand.answers(common, meeting)
            switch format {
            case .json: print(try JSON.string(AnswersDocument(answers, now: now)))
            case .text: for line in AnswersCommand.lines(answers) { print(line) }
            }
        }
    }

    struct Set: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Record a person's answer (coming, not-coming, substitute, partial, tentative).")
        @OptionGroup var common: StoreOptions
        @Argument(help: "The meeting.") var meeting: String
        @Argument(help: "The person's address in recipients.yaml.") var email: String
        @Argument(help: "coming, not-coming, substitute, partial or tentative.") var kind: String
        @Option(help: "Who comes instead, for substitute.") var substitute: String?
        @Option(help: ArgumentHelp("For partial: points:2,3, until:10:00 or from:09:30.", valueName: "PART"))
        var part: String?
        @Option(help: "A word to keep with the answer.") var comment: String?

        func run() async throws {
            guard let kind = Answer.Kind(rawValue: kind) else {
                throw ValidationError(
                    "\"\(kind)\" is not an answer; use one of "
                        + Answer.Kind.allCases.map(\.rawValue).joined(separator: ", "))
            }
            var parsedPart: Attendance.Part?
            if let part {
                guard let p = Attendance.Part(part) else {
                    throw ValidationError("--part \"\(part)\" is not points:2,3, until:10:00 or from:09:30")
                }
                parsedPart = p
            }
            let context = try AgendaCommand.context(common, meeting)
            let recipients = try AnswersCommand.recipients(common)
            let now = try common.instant
            let (substitute, comment, email) = (self.substitute, self.comment, self.email)
            let record = try AgendaCommand.checked { () throws(AgendaError) -> AnswerRecord in
                let (meeting, person) = try context.data.answerable(
                    context.meeting.id, by: email, recipients: recipients, at: now)
                let answer = try Answer(kind, substitute: substitute, part: parsedPart, comment: comment)
                return AnswerRecord(meeting: meeting.id, email: person.email, answer: answer, at: now, via: .cli)
            }
            try await common.withStore { try await $0.recordAnswer(record) }
            print("\(record.email): \(Swedish.answer(record.answer)) (\(record.meeting))")
        }
    }

    /// The forecast, then one line per invitee and the seats nobody can answer for.
    static func lines(_ answers: MeetingAnswers) -> [String] {
        var lines = ["\(answers.meeting.id): " + Swedish.forecast(answers.forecast)]
        for invitee in answers.invitees {
            let r = invitee.recipient
            let who = r.name + (r.municipality.map { " (\($0))" } ?? "") + (invitee.isMember ? "" : ", not a member")
            if let record = invitee.answer {
                let changes = invitee.history.count > 1 ? ", changed \(invitee.history.count - 1)×" : ""
                lines.append(
                    "  \(who): \(Swedish.answer(record.answer)), \(record.at) via \(record.via.rawValue)\(changes)"
                        + (record.answer.comment.map { " – \($0)" } ?? ""))
            } else {
                lines.append("  \(who): no answer yet")
            }
        }
        let nobody = answers.forecast.seats.filter { $0.state == .nobodyInvited }.map(\.name)
        if !nobody.isEmpty {
            lines.append("  no member in recipients.yaml for: " + nobody.joined(separator: ", "))
        }
        for other in answers.others {
            lines.append("  \(other.email) (no longer invited): \(Swedish.answer(other.answer))")
        }
        return lines
    }
}
