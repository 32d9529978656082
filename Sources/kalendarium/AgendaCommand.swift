import ArgumentParser
import CalendarFiles
import Feeds
import Foundation
import KalendariumApp
import KalendariumCore
import Presentation
import Store

/// `kalendarium agenda`: each meeting's dagordning, from its body's template to the
/// published versions the kallelse carries.
struct AgendaCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agenda",
        abstract: "Keep the meetings' agendas (dagordningar).",
        discussion: """
            MEETING is a meeting's identity (ledningsgruppen-2021-08-20) or next:BODY. An agenda starts as \
            its body's template (calendars/agendas.yaml) and is a draft until `agenda publish`; after that every \
            change is published at once as the next version, and the kallelse follows it.
            """,
        subcommands: [
            Show.self, Add.self, Edit.self, Move.self, Remove.self, Attach.self, Detach.self, Propose.self,
            Accept.self, Decline.self, Publish.self, Import.self,
        ]
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, html }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a meeting's agenda.")
        @OptionGroup var common: StoreOptions
        @Argument(help: "The meeting.") var meeting: String
        @Option(help: "text, json or html (the printable meeting page).") var format: Format = .text

        func run() async throws {
            let context = try AgendaCommand.context(common, meeting)
            let (agenda, items) = try await common.withStore { store in
                (
                    try await store.agenda(meeting: context.meeting.id) ?? context.data.newAgenda(for: context.meeting),
                    try await store.items(ItemFilter())
                )
            }
            let url = { (name: String) in AgendaCommand.paperURL(context, name) }
            switch format {
            case .json:
                print(
                    try JSON.string(
                        AgendaDocument(
                            agenda, meeting: context.meeting, data: context.data, openItems: items, paperURL: url)))
            case .html:
                print(
                    try MeetingPage.html(
                        context.meeting, agenda: agenda.latestVersion?.points ?? agenda.accepted, data: context.data,
                        openItems: items, paperURL: url, draft: !agenda.isPublished, pageURL: context.pageURL,
                        version: agenda.latestVersion?.number))
            case .text:
                let state =
                    agenda.latestVersion.map { "published, version \($0.number)" } ?? "draft, not published"
                print("\(Swedish.meetingTitle(context.meeting, context.data).capitalizedFirst) (\(state))")
                let lines = Swedish.agendaLines(
                    agenda.accepted, of: context.meeting, context.data, openItems: items, paperURL: url)
                print(lines.isEmpty ? "(no points)" : Swedish.agendaText(lines))
                for p in agenda.proposals {
                    print("proposal \(p.key): \(p.title), by \(p.proposal!.by): \(p.proposal!.reason)")
                }
            }
        }
    }

    struct PointOptions: ParsableArguments {
        @Option(help: "The point's title.") var title: String?
        @Option(help: "standing, information, discussion or decision.") var kind: KindArgument?
        @Option(
            help: ArgumentHelp(
                "Who presents it: person:NAME, role:ROLE, network:SLUG, municipality:SLUG, guest:NAME (\"none\" clears).",
                valueName: "PRESENTER"))
        var presenter: String?
        @Option(help: ArgumentHelp("Its time in the meeting, HH:MM-HH:MM (\"none\" clears).", valueName: "TIME"))
        var time: String?
        @Option(help: "Notes shown under the point.") var notes: String?

        func fields() throws -> Agenda.PointFields {
            var fields = Agenda.PointFields(title: title, kind: kind?.kind, notes: notes)
            if let presenter {
                guard presenter == "none" || Presenter(presenter) != nil else {
                    throw ValidationError(
                        "\"\(presenter)\" is not a presenter; write person:NAME, role:ROLE, network:SLUG, municipality:SLUG or guest:NAME"
                    )
                }
                fields.presenter = .some(presenter == "none" ? nil : Presenter(presenter))
            }
            if let time {
                if time == "none" {
                    fields.slot = .some(nil)
                } else {
                    let parts = time.split(separator: "-")
                    guard parts.count == 2, let start = LocalTime(text: parts[0]), let end = LocalTime(text: parts[1])
                    else { throw ValidationError("\"\(time)\" is not a time as HH:MM-HH:MM") }
                    fields.slot = .some(AgendaPoint.Slot(start: start, end: end))
                }
            }
            return fields
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Add a point (where the template puts topics).")
        @OptionGroup var common: StoreOptions
        @Argument(help: "The meeting.") var meeting: String
        @OptionGroup var point: PointOptions
        @Option(help: "Put it after point N (0: first).") var after: Int?

        func run() async throws {
            let fields = try point.fields()
            guard fields.title != nil else { throw ValidationError("a point needs --title") }
            let number = try await AgendaCommand.change(common, meeting) {
                [after] (agenda: inout Agenda, now: UTCInstant) throws(AgendaError) in
                try agenda.add(fields, after: after, at: now)
            }
            print("added point \(number)")
        }
    }

    struct Edit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "edit", abstract: "Change point N.")
        @OptionGroup var common: StoreOptions
        @Argument(help: "The meeting.") var meeting: String
        @Argument(help: "The point's number.") var number: Int
        @OptionGroup var point: PointOptions

        func run() async throws {
            let fields = try point.fields()
            try await AgendaCommand.change(common, meeting) {
                [number] (agenda: inout Agenda, now: UTCInstant) throws(AgendaError) in
                try agenda.edit(number, fields, at: now)
            }
            print("changed point \(number)")
        }
    }

    struct Move: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "move", abstract: "Move point N so it becomes point M.")
        @OptionGroup var common: StoreOptions
        @Argument(help: "The meeting.") var meeting: String
        @Argument(help: "The point's number now.") var from: Int
        @Argument(help: "Its number after the move.") var to: Int

        func run() async throws {
            try await AgendaCommand.change(common, meeting) {
                [from, to] (agenda: inout Agenda, now: UTCInstant) throws(AgendaError) in
                try agenda.move(from, to: to, at: now)
            }
            print("moved point \(from) to \(to)")
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove", abstract: "Remove point N and its papers.")
        @OptionGroup var common: StoreOptions
        @Argument(help: "The meeting.") var meeting: String
        @Argument(help: "The point's number.") var number: Int

        func run() async throws {
            let removed = try await AgendaCommand.change(common, meeting) {
                [number] (agenda: inout Agenda, now: UTCInstant) throws(AgendaError) in
                try agenda.remove(number, at: now)
            }
            print("removed point \(number): \(removed.title)")
        }
    }

    struct Attach: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "attach",
            abstract: "Attach a paper (handling) to point N: a file Kalendarium keeps, or --link URL.")
        @OptionGroup var common: StoreOptions
        @Argument(help: "The meeting.") var meeting: String
        @Argument(help: "The point's number.") var number: Int
        @Argument(help: "The file (PDF, Office, OpenDocument, text, PNG or JPEG; at most 20 MiB).") var file: String?
        @Option(help: "A link instead of a file (https://…).") var link: String?
        @Option(help: "The name people see (default: the file's name).") var name: String?

        func run() async throws {
            var stored: [StoredPaper] = []
            let paper: Paper
            switch (file, link) {
            case (let file?, nil):
                guard let data = FileManager.default.contents(atPath: file) else {
                    throw ValidationError("cannot read \(file)")
                }
                let safe = try AgendaCommand.paperName(name ?? file)
                let bytes = [UInt8](data)
                let type = try AgendaCommand.checked { () throws(AgendaError) in
                    try PaperContent.contentType(name: safe, bytes: bytes)
                }
                let context = try AgendaCommand.context(common, meeting)
                let bytesPaper = StoredPaper(meeting: context.meeting.id, name: safe, contentType: type, bytes: bytes)
                stored = [bytesPaper]
                paper = bytesPaper.paper
            case (nil, let link?):
                guard link.hasPrefix("https://") || link.hasPrefix("http://"), !link.contains(where: \.isWhitespace)
                else { throw ValidationError("\"\(link)\" is not a web address (https://…)") }
                guard let name else { throw ValidationError("a link needs --name, the text people see") }
                paper = Paper(name: try AgendaCommand.paperName(name), source: .link(url: link))
            default:
                throw ValidationError("give a FILE or --link URL, not both")
            }
            try await AgendaCommand.change(common, meeting, papers: stored) {
                [number] (agenda: inout Agenda, now: UTCInstant) throws(AgendaError) in
                try agenda.attach(paper, to: number, at: now)
            }
            print("attached \(paper.name) to point \(number)")
        }
    }

    struct Detach: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "detach", abstract: "Remove the paper named NAME.")
        @OptionGroup var common: StoreOptions
        @Argument(help: "The meeting.") var meeting: String
        @Argument(help: "The paper's name.") var name: String

        func run() async throws {
            try await AgendaCommand.change(common, meeting) {
                [name] (agenda: inout Agenda, now: UTCInstant) throws(AgendaError) in try agenda.detach(name, at: now)
            }
            print("removed \(name)")
        }
    }

    struct Propose: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "propose",
            abstract: "A member proposes a point; it waits for the secretariat, and the member is told the answer.")
        @OptionGroup var common: StoreOptions
        @Argument(help: "The meeting.") var meeting: String
        @OptionGroup var point: PointOptions
        @Option(help: "The member's e-mail address.") var by: String
        @Option(help: "Why it should be raised.") var reason: String = ""

        func run() async throws {
            let fields = try point.fields()
            guard fields.title != nil else { throw ValidationError("a proposal needs --title") }
            let today = try common.today
            let key = try await AgendaCommand.change(common, meeting) {
                [by, reason] (agenda: inout Agenda, _: UTCInstant) throws(AgendaError) in
                try agenda.propose(fields, by: by, reason: reason, on: today)
            }
            print("proposal \(key) waits for the secretariat (agenda accept|decline MEETING \(key))")
        }
    }

    struct Accept: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "accept", abstract: "Accept proposal N onto the agenda.")
        @OptionGroup var common: StoreOptions
        @Argument(help: "The meeting.") var meeting: String
        @Argument(help: "The proposal's number, as agenda show lists it.") var proposal: Int

        func run() async throws {
            let point = try await AgendaCommand.change(common, meeting) {
                [proposal] (agenda: inout Agenda, now: UTCInstant) throws(AgendaError) in
                try agenda.accept(proposal: proposal, at: now)
            }
            print("accepted: \(point.title); \(point.proposal?.by ?? "the proposer") is told by e-mail")
        }
    }

    struct Decline: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "decline", abstract: "Decline proposal N.")
        @OptionGroup var common: StoreOptions
        @Argument(help: "The meeting.") var meeting: String
        @Argument(help: "The proposal's number, as agenda show lists it.") var proposal: Int

        func run() async throws {
            let point = try await AgendaCommand.change(common, meeting) {
                [proposal] (agenda: inout Agenda, _: UTCInstant) throws(AgendaError) in
                try agenda.decline(proposal: proposal)
            }
            print("declined: \(point.title); \(point.proposal?.by ?? "the proposer") is told by e-mail")
        }
    }

    struct Publish: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "publish",
            abstract: "Publish the draft as version 1; the kallelse goes out with it.")
        @OptionGroup var common: StoreOptions
        @Argument(help: "The meeting.") var meeting: String

        func run() async throws {
            let version = try await AgendaCommand.change(common, meeting) {
                (agenda: inout Agenda, now: UTCInstant) throws(AgendaError) in try agenda.publish(at: now)
            }
            print("published version \(version.number) with \(version.points.count) points")
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Import agendas from a YAML file (data/agendas-from-minutes.yaml shows the form).",
            discussion: "A meeting that already has an agenda is skipped, so importing twice changes nothing.")
        @OptionGroup var common: StoreOptions
        @Argument(help: "The file.") var file: String

        func run() async throws {
            let data = try common.calendars.loadOrExit().data
            let (agendas, errors) = AgendaFile.agendas(file, data: data, now: try common.instant)
            guard errors.isEmpty else {
                for error in errors { StandardError.print(error.description) }
                StandardError.print("nothing imported")
                throw ExitCode(1)
            }
            let added = try await common.withStore { store in
                var added = 0
                for agenda in agendas where try await store.agenda(meeting: agenda.meeting) == nil {
                    _ = try await store.updateAgenda(meeting: agenda.meeting, create: { agenda }, papers: []) { _ in ()
                    }
                    added += 1
                }
                return added
            }
            print("imported \(added) of \(agendas.count) agendas (\(agendas.count - added) already there)")
        }
    }

    // MARK: - Shared

    struct Context: Sendable {
        let data: CalendarData
        let meeting: Meeting
        let pageURL: String
    }

    static func context(_ common: StoreOptions, _ reference: String) throws -> Context {
        let settings = try common.calendars.settings()
        let data = try common.calendars.loadOrExit(settings).data
        let today = try common.today
        let meeting = try checked { () throws(AgendaError) in try data.meeting(reference: reference, today: today) }
        return Context(data: data, meeting: meeting, pageURL: settings.feedSettings.pageURL)
    }

    static func paperURL(_ context: Context, _ name: String) -> String {
        MeetingPage.paperURL(pageURL: context.pageURL, meeting: context.meeting.id, name: name)
    }

    static func paperName(_ text: String) throws -> String {
        guard let name = PaperName.sanitised(text) else {
            throw ValidationError("\"\(text)\" leaves no usable file name; give --name")
        }
        return name
    }

    /// Runs one change on the meeting's agenda in the store; an ``AgendaError`` is
    /// printed as the user's mistake (exit 1), never as a crash.
    @discardableResult
    static func change<T: Sendable>(
        _ common: StoreOptions, _ reference: String, papers: [StoredPaper] = [],
        _ body: @escaping @Sendable (inout Agenda, UTCInstant) throws(AgendaError) -> T
    ) async throws -> T {
        let context = try context(common, reference)
        let now = try common.instant
        let data = context.data
        let meeting = context.meeting
        return try await checkedAsync {
            try await common.withStore { store in
                try await store.updateAgenda(
                    meeting: meeting.id, create: { data.newAgenda(for: meeting) }, papers: papers
                ) { (agenda: inout Agenda) throws(AgendaError) in try body(&agenda, now) }.1
            }
        }
    }

    static func checked<T>(_ body: () throws(AgendaError) -> T) throws -> T {
        do { return try body() } catch {
            StandardError.print("error: \(error.message)")
            throw ExitCode(1)
        }
    }

    static func checkedAsync<T>(_ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch let error as AgendaError {
            StandardError.print("error: \(error.message)")
            throw ExitCode(1)
        }
    }
}

/// Point kinds as command-line values (the core type stays free of ArgumentParser).
enum KindArgument: String, ExpressibleByArgument, CaseIterable {
    case standing, information, discussion, decision

    var kind: AgendaKind { AgendaKind(rawValue: rawValue)! }
}
