import ArgumentParser
import CalendarFiles
import Feeds
import Foundation
import KalendariumApp
import KalendariumCore
import Presentation
import Store

/// `kalendarium minutes`: the minnesanteckningar of a meeting, from its agenda to the
/// approved version e-mailed to the members and the municipalities' registries.
struct MinutesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "minutes",
        abstract: "Keep the meetings' minutes (minnesanteckningar).",
        discussion: """
            MEETING is a meeting's identity (ledningsgruppen-2021-08-20) or next:BODY. Minutes start from the \
            meeting's agenda; decisions can create outstanding items and follow-ups change earlier ones at once. \
            Once every approver has approved (the chair, and the adjuster when one is named) the minutes are \
            locked; a correction opens the next version with its reason.
            """,
        subcommands: [
            Start.self, Attend.self, Chair.self, Note.self, Decide.self, FollowUpCommand.self, Approve.self,
            Correct.self, Show.self, Import.self,
        ]
    )

    struct Start: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "start", abstract: "Start the minutes from the meeting's agenda.")
        @OptionGroup var common: StoreOptions
        @Argument(help: "The meeting.") var meeting: String
        @Option(help: "Who keeps the minutes (sekreterare).") var secretary: String?
        @Option(help: "Who approves them beside the chair (justerare; default: the body's minutes-adjuster).")
        var adjuster: String?

        func run() async throws {
            let context = try AgendaCommand.context(common, meeting)
            let agenda = try await common.withStore { try await $0.agenda(meeting: context.meeting.id) }
            // The attendance starts from the answers to the kallelse.
            let (answers, _) = try await AnswersCommand.answers(common, meeting)
            let started = context.data.newMinutes(
                for: context.meeting, agenda: agenda, secretary: secretary, adjuster: adjuster, answers: answers)
            let minutes = try await MinutesCommand.change(common, context) {
                (m: inout Minutes, _: UTCInstant) throws(AgendaError) in
                guard m.draft.points.isEmpty else {
                    throw AgendaError(.conflict, "the minutes are started already; minutes show prints them")
                }
                m = started
                return ((), [])
            }
            print("started the minutes of \(context.meeting.id) with \(minutes.0.draft.points.count) points")
            if minutes.0.approvers.isEmpty {
                print("no chair in the data for \(context.meeting.year): name one with minutes chair MEETING NAME")
            } else {
                print("approved by: \(minutes.0.approvers.joined(separator: " and "))")
            }
        }
    }

    struct Attend: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "attend", abstract: "Record who came, or did not.")
        @OptionGroup var common: StoreOptions
        @Argument(help: "The meeting.") var meeting: String
        @Argument(help: "The person's name.") var person: String
        @Flag(help: "Present (the default) or absent.") var presence: Presence = .present
        @Option(help: "The municipality they represent (slug).") var municipality: String?
        @Option(help: "A guest's organisation or network.") var organisation: String?
        @Option(help: "member (the default; counts for the quorum), guest or secretariat.") var role: RoleArgument =
            .member
        @Option(help: "Who came instead (ersättare).") var substitute: String?
        @Option(
            help: ArgumentHelp("Only part of the meeting: points:2,3, until:10:00 or from:09:30.", valueName: "PART"))
        var part: String?
        @Option(help: "What the minutes write after the name (ordförande, sekreterare).") var note: String?

        enum Presence: String, EnumerableFlag { case present, absent }

        func run() async throws {
            let context = try AgendaCommand.context(common, meeting)
            if let municipality {
                guard let m = context.data.municipality(municipality) else {
                    throw ValidationError(
                        "unknown municipality \"\(municipality)\""
                            + Suggestion.hint(for: municipality, in: context.data.municipalities.map(\.slug)))
                }
                guard m.isMember(in: context.meeting.year) else {
                    throw ValidationError("\(m.name) is not a member in \(context.meeting.year)")
                }
            } else if role == .member {
                throw ValidationError(
                    "a member represents a municipality: give --municipality SLUG (or --role guest|secretariat)")
            }
            var parsedPart: Attendance.Part?
            if let part {
                guard let p = Attendance.Part(part) else {
                    throw ValidationError("\"\(part)\" is not a part; write points:2,3, until:10:00 or from:09:30")
                }
                parsedPart = p
            }
            let entry = Attendance(
                name: person, municipality: municipality, organisation: organisation, role: role.role,
                present: presence == .present, substitute: substitute, part: parsedPart, note: note)
            let (minutes, _) = try await MinutesCommand.change(common, context) {
                (m: inout Minutes, _: UTCInstant) throws(AgendaError) in
                try m.attend(entry)
                return ((), [])
            }
            let quorum = minutes.quorum(members: MinutesCommand.members(context))
            print(
                "\(person): \(presence == .present ? "present" : "absent"); members present \(quorum.present) of \(quorum.members)"
                    + (quorum.reached ? "" : " (no quorum yet)"))
        }
    }

    struct Chair: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "chair",
            abstract: "Name who chaired, the secretary, or the adjuster (justerare).")
        @OptionGroup var common: StoreOptions
        @Argument(help: "The meeting.") var meeting: String
        @Argument(help: "Who chaired.") var chair: String?
        @Option(help: "Who kept the minutes.") var secretary: String?
        @Option(help: "Who approves beside the chair.") var adjuster: String?

        func run() async throws {
            let context = try AgendaCommand.context(common, meeting)
            let (minutes, _) = try await MinutesCommand.change(common, context) {
                [chair, secretary, adjuster] (m: inout Minutes, _: UTCInstant) throws(AgendaError) in
                try m.setChair(chair, secretary: secretary)
                if let adjuster {
                    try m.setAdjuster(adjuster)
                } else if chair != nil {
                    try m.setAdjuster(m.approvers.dropFirst().first ?? "")
                }
                return ((), [])
            }
            print("chair: \(minutes.draft.chair ?? "–"); approved by: \(minutes.approvers.joined(separator: " and "))")
        }
    }

    struct Note: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "note", abstract: "Add a paragraph to point N.")
        @OptionGroup var common: StoreOptions
        @Argument(help: "The meeting.") var meeting: String
        @Argument(help: "The point's number.") var number: Int
        @Argument(help: "The text.") var text: String

        func run() async throws {
            let context = try AgendaCommand.context(common, meeting)
            _ = try await MinutesCommand.change(common, context) {
                [number, text] (m: inout Minutes, _: UTCInstant) throws(AgendaError) in
                try m.note(number, text)
                return ((), [])
            }
            print("noted at point \(number)")
        }
    }

    struct Decide: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "decide",
            abstract: "Record a decision (Beslut) of point N; with --item-owner it becomes an outstanding item.")
        @OptionGroup var common: StoreOptions
        @Argument(help: "The meeting.") var meeting: String
        @Argument(help: "The point's number.") var number: Int
        @Argument(help: "The decision as worded (\"Att …\").") var text: String
        @Option(help: ArgumentHelp("The item's owner, as for items (repeat).", valueName: "OWNER")) var itemOwner:
            [String] = []
        @Option(help: "The item's due date, YYYY-MM-DD.") var itemDue: String?
        @Option(help: "The item's title (default: the decision's text).") var itemTitle: String?
        @Option(help: "The item's description.") var itemDescription: String?

        func run() async throws {
            let context = try AgendaCommand.context(common, meeting)
            var items: [Item] = []
            if !itemOwner.isEmpty,
                let item = Minutes.item(
                    deciding: text, title: itemTitle, description: itemDescription ?? "",
                    owners: try itemOwner.map(ItemsCommand.owner), due: try itemDue.map(ItemsCommand.date),
                    meeting: context.meeting, point: number)
            {
                try ItemsCommand.check(item, context.data)
                items = [item]
            } else if itemDue != nil || itemTitle != nil {
                throw ValidationError("an item from a decision needs --item-owner")
            }
            let (minutes, index) = try await MinutesCommand.change(common, context) {
                [number, text, items] (m: inout Minutes, _: UTCInstant) throws(AgendaError) in
                let index = try m.decide(number, text)
                return (index, items.isEmpty ? [] : [.createItems(items, point: number, decision: index)])
            }
            let created = minutes.draft.points.first { $0.number == number }?.decisions[index].items ?? []
            print("decision \(index + 1) of point \(number)" + (created.isEmpty ? "" : "; item #\(created[0]) created"))
        }
    }

    struct FollowUpCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "follow-up",
            abstract: "Record an earlier item's status (pågår, klart, bordlagt, struken); the item follows at once.")
        @OptionGroup var common: StoreOptions
        @Argument(help: "The meeting.") var meeting: String
        @Argument(help: "The item's id.") var item: Int64
        @Argument(help: "in-progress (pågår), done (klart), tabled (bordlagt) or struck (struken).") var status: String
        @Option(help: "The minutes' note (\"Utskickat via mejl den 16 november\").") var note: String = ""

        func run() async throws {
            guard let parsed = MinutesCommand.followUpStatus(status) else {
                throw ValidationError(
                    "\"\(status)\" is not a follow-up status; write in-progress (pågår), done (klart), tabled (bordlagt) or struck (struken)"
                )
            }
            let context = try AgendaCommand.context(common, meeting)
            let followUp = FollowUp(item: item, status: parsed, note: note)
            let history = Swedish.followUpHistory(parsed, note: note, meeting: context.meeting, context.data)
            _ = try await MinutesCommand.change(common, context) {
                (m: inout Minutes, _: UTCInstant) throws(AgendaError) in
                try m.followUp(followUp)
                return ((), [.followUp(followUp, note: history)])
            }
            print("#\(item): \(Swedish.followUp(parsed).lowercased())")
        }
    }

    struct Approve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "approve",
            abstract: "An approver approves (justerar); when all have, the minutes lock and are e-mailed.")
        @OptionGroup var common: StoreOptions
        @Argument(help: "The meeting.") var meeting: String
        @Option(help: "The approver's e-mail address (from recipients.yaml) or name.") var by: String

        func run() async throws {
            let context = try AgendaCommand.context(common, meeting)
            let settings = try common.calendars.settings()
            let recipients = PeopleAndItemsFiles.recipients(settings.calendars + "/recipients.yaml").recipients
            let name = recipients.first { $0.email.lowercased() == by.lowercased() }?.name ?? by
            let now = try common.instant
            let (minutes, version) = try await MinutesCommand.change(common, context) {
                (m: inout Minutes, _: UTCInstant) throws(AgendaError) in
                (try m.approve(by: name, at: now), [])
            }
            if let version {
                print("approved: version \(version.number) is locked and goes to the members at the next pass")
            } else {
                let waiting = minutes.approvers.filter { a in !minutes.approvals.contains { $0.by == a } }
                print("approved by \(name); waiting for \(waiting.joined(separator: " and "))")
            }
        }
    }

    struct Correct: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "correct",
            abstract: "Open a correction of approved minutes; approving it makes the next version.")
        @OptionGroup var common: StoreOptions
        @Argument(help: "The meeting.") var meeting: String
        @Option(help: "Why the minutes are corrected.") var reason: String

        func run() async throws {
            let context = try AgendaCommand.context(common, meeting)
            _ = try await MinutesCommand.change(common, context) {
                [reason] (m: inout Minutes, _: UTCInstant) throws(AgendaError) in
                try m.correct(reason: reason)
                return ((), [])
            }
            print("correction open: change the minutes, then approve them again")
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a meeting's minutes.")
        @OptionGroup var common: StoreOptions
        @Argument(help: "The meeting.") var meeting: String
        @Option(help: "text, json or html (the printable minutes).") var format: AgendaCommand.Format = .text
        @Option(help: "An approved version (default: the draft while one is open, else the latest).") var version: Int?

        func run() async throws {
            let context = try AgendaCommand.context(common, meeting)
            let (found, items) = try await common.withStore { store in
                (try await store.minutes(meeting: context.meeting.id), try await store.items(ItemFilter()))
            }
            guard let minutes = found else {
                StandardError.print("error: \(context.meeting.id) has no minutes; start them with minutes start")
                throw ExitCode(1)
            }
            let content: Minutes.Content
            if let version {
                guard let v = minutes.versions.first(where: { $0.number == version }) else {
                    StandardError.print("error: there is no approved version \(version)")
                    throw ExitCode(1)
                }
                content = v.content
            } else {
                content = minutes.isLocked ? minutes.latestVersion!.content : minutes.draft
            }
            let view = MinutesView(
                minutes: minutes, content: content, meeting: context.meeting, data: context.data, items: items,
                members: MinutesCommand.members(context))
            switch format {
            case .json: print(try JSON.string(view.document))
            case .text: print(view.text)
            case .html: print(view.html(pageURL: context.pageURL))
            }
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Import minutes from a YAML file (data/minutes-from-seeds.yaml shows the form).",
            discussion:
                "Their decisions' items are created and linked; a meeting that has minutes already is skipped, so importing twice changes nothing."
        )
        @OptionGroup var common: StoreOptions
        @Argument(help: "The file.") var file: String

        func run() async throws {
            let data = try common.calendars.loadOrExit().data
            let now = try common.instant
            let (imported, errors) = MinutesFile.minutes(file, data: data, now: now)
            guard errors.isEmpty else {
                for error in errors { StandardError.print(error.description) }
                StandardError.print("nothing imported")
                throw ExitCode(1)
            }
            let added = try await AgendaCommand.checkedAsync {
                try await common.withStore { store in
                    var added = 0
                    for entry in imported where try await store.minutes(meeting: entry.minutes.meeting) == nil {
                        // Read again for each: later minutes follow up the items of earlier ones.
                        let existing = try await store.items(ItemFilter())
                        _ = try await store.updateMinutes(
                            meeting: entry.minutes.meeting, create: { entry.minutes }, on: entry.day
                        ) { (m: inout Minutes) throws(AgendaError) in
                            let (effects, followUps) = MinutesCommand.effects(entry, data, now, existing)
                            for followUp in followUps { try m.followUp(followUp) }
                            return ((), effects)
                        }
                        added += 1
                    }
                    return added
                }
            }
            print("imported \(added) of \(imported.count) minutes (\(imported.count - added) already there)")
        }
    }

    // MARK: - Shared

    enum RoleArgument: String, ExpressibleByArgument, CaseIterable {
        case member, guest, secretariat
        var role: Attendance.Role { Attendance.Role(rawValue: rawValue)! }
    }

    /// What importing `entry` does to the items, and the follow-ups of items already
    /// stored. An item already stored (the same title, body and meeting, as `items
    /// import` matches) is linked, not made twice.
    static func effects(
        _ entry: MinutesImport, _ data: CalendarData, _ now: UTCInstant, _ existing: [Item]
    )
        -> (effects: [MinutesEffect], followUps: [FollowUp])
    {
        func stored(_ item: Item) -> Item? {
            existing.first { $0.title == item.title && $0.body == item.body && $0.meeting == item.meeting }
        }
        var effects: [MinutesEffect] = []
        var followUps: [FollowUp] = []
        for group in entry.decisionItems {
            let new = group.items.filter { stored($0) == nil }
            if !new.isEmpty { effects.append(.createItems(new, point: group.point, decision: group.decision)) }
            let old = group.items.compactMap { stored($0)?.id }
            if !old.isEmpty { effects.append(.linkItems(old, point: group.point, decision: group.decision)) }
        }
        let meeting = data.meetings.first { $0.id == entry.minutes.meeting }
        let title = meeting.map { Swedish.meetingTitle($0, data).capitalizedFirst } ?? entry.minutes.meeting
        for earlier in entry.earlierItems {
            let history =
                "\(title): \(Swedish.followUp(earlier.status))" + (earlier.note.isEmpty ? "" : " – \(earlier.note)")
            if let id = stored(earlier.item)?.id {
                let followUp = FollowUp(item: id, status: earlier.status, note: earlier.note)
                followUps.append(followUp)
                effects.append(.followUp(followUp, note: history))
            } else {
                effects.append(.followUpNew(earlier.item, earlier.status, note: earlier.note, history: history))
            }
        }
        if entry.approved { effects.append(.approve(entry.minutes.approvers, at: now)) }
        return (effects, followUps)
    }

    /// The members a meeting's quorum is counted against: one per member municipality.
    static func members(_ context: AgendaCommand.Context) -> Int {
        context.data.memberCount(in: context.meeting.year)
    }

    static func followUpStatus(_ text: String) -> FollowUp.Status? {
        switch text.lowercased() {
        case "in-progress", "pågår": .inProgress
        case "done", "klart": .done
        case "tabled", "bordlagt": .tabled
        case "struck", "struken": .struck
        default: nil
        }
    }

    /// Runs one change on the meeting's minutes; mistakes are printed, never a crash.
    static func change<T: Sendable>(
        _ common: StoreOptions, _ context: AgendaCommand.Context,
        _ body: @escaping @Sendable (inout Minutes, UTCInstant) throws(AgendaError) -> (T, [MinutesEffect])
    ) async throws -> (Minutes, T) {
        let now = try common.instant
        // Follow-ups are dated as the meeting saw them.
        let today = try common.today
        let day = context.meeting.schedule.firstDay ?? today
        let id = context.meeting.id
        return try await AgendaCommand.checkedAsync {
            try await common.withStore { store in
                try await store.updateMinutes(
                    meeting: id, create: { Minutes(meeting: id, draft: .init(), approvers: []) }, on: day
                ) { (m: inout Minutes) throws(AgendaError) in try body(&m, now) }
            }
        }
    }
}
