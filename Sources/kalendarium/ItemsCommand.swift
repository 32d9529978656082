import ArgumentParser
import CalendarFiles
import Foundation
import KalendariumApp
import KalendariumCore
import Store

/// `kalendarium items`: the outstanding items (utestående ärenden).
struct ItemsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "items",
        abstract: "Keep the outstanding items from the minutes.",
        subcommands: [Add.self, List.self, Show.self, Update.self, Close.self, Import.self]
    )

    typealias Common = StoreOptions

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add an item.")
        @OptionGroup var common: Common
        @Option(help: "One-line title.") var title: String
        @Option(help: "The body that follows it up (ledningsgruppen, samarbetskommitten).") var body: String
        @Option(
            help: ArgumentHelp(
                "An owner: person:NAME, role:ROLE, network:SLUG, municipality:SLUG (repeat).", valueName: "OWNER"))
        var owner: [String]
        @Option(help: "Due date, YYYY-MM-DD.") var due: String?
        @Option(help: "Longer description.") var description: String = ""
        @Option(help: "The meeting it was decided at (meeting id, e.g. ledningsgruppen-2020-11-20).") var meeting:
            String?
        @Option(help: "The decision's wording.") var decision: String?
        @Option(
            help: ArgumentHelp(
                "How it repeats: yearly MM-DD, yearly MM last-working-day, monthly 15, monthly last friday …; closing one occurrence (done) creates the next.",
                valueName: "RULE"))
        var recurrence: String?
        @Option(help: "Output format: text or json.") var format: OutputFormat = .text

        func run() async throws {
            let data = try common.calendars.loadOrExit().data
            let item = Item(
                title: title, description: description, body: body, meeting: meeting, decision: decision,
                owners: try owner.map(ItemsCommand.owner), due: try due.map(ItemsCommand.date),
                recurrence: try recurrence.map(ItemsCommand.recurrence))
            try ItemsCommand.check(item, data)
            let saved = try await common.withStore { try await $0.addItem(item) }
            try ItemsCommand.print(saved, format: format)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List items, filtered.")
        @OptionGroup var common: Common
        @Option(help: "Only this body.") var body: String?
        @Option(help: "Only items with this owner (as in add).") var owner: String?
        @Option(help: "Only these statuses: open, in-progress, done, cancelled (repeat).") var status:
            [StatusArgument] = []
        @Option(help: "Only items due before this date.") var dueBefore: String?
        @Option(help: "Only the occurrences of one recurring item (its series id).") var series: Int64?
        @Option(help: "Output format: text or json.") var format: OutputFormat = .text

        func run() async throws {
            let filter = ItemFilter(
                body: body, owner: try owner.map(ItemsCommand.owner),
                statuses: status.isEmpty ? nil : Set(status.map(\.status)),
                dueBefore: try dueBefore.map(ItemsCommand.date), series: series)
            let items = try await common.withStore { try await $0.items(filter) }
            switch format {
            case .json: Swift.print(try JSON.string(items.map(ItemDocument.init)))
            case .text:
                for item in items {
                    Swift.print(
                        "#\(item.id ?? 0)  \(item.status.rawValue.padding(toLength: 11))  \(item.due?.description ?? "          ")  "
                            + "\(item.body)  \(item.title)" + (item.recurrence.map { "  (\($0))" } ?? ""))
                }
                Swift.print("\(items.count) item\(items.count == 1 ? "" : "s")")
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Show one item with its history.")
        @OptionGroup var common: Common
        @Argument(help: "The item's id.") var id: Int64
        @Option(help: "Output format: text or json.") var format: OutputFormat = .text

        func run() async throws {
            guard let item = try await common.withStore({ try await $0.item(id: id) }) else {
                throw ValidationError("no item with id \(id)")
            }
            try ItemsCommand.print(item, format: format)
        }
    }

    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "update",
            abstract: "Change an item; a status change is recorded with today's date.")
        @OptionGroup var common: Common
        @Argument(help: "The item's id.") var id: Int64
        @Option(help: "open, in-progress, done or cancelled.") var status: StatusArgument?
        @Option(help: "A note for the history (\"Pågår\", \"Skickat 16 november\").") var note: String?
        @Option(help: "New due date, YYYY-MM-DD, or \"none\".") var due: String?
        @Option(help: "New title.") var title: String?
        @Option(help: "Replace the owners (repeat).") var owner: [String] = []
        @Option(help: ArgumentHelp("Make it repeat (as in add), or \"none\" to stop repeating.", valueName: "RULE"))
        var recurrence: String?
        @Option(help: "Output format: text or json.") var format: OutputFormat = .text

        func run() async throws {
            var dueChange: LocalDate?? = nil
            if let due { dueChange = .some(due == "none" ? nil : try ItemsCommand.date(due)) }
            var recurrenceChange: Recurrence?? = nil
            if let recurrence {
                recurrenceChange = .some(recurrence == "none" ? nil : try ItemsCommand.recurrence(recurrence))
            }
            let change = ItemChange(
                title: title, owners: owner.isEmpty ? nil : try owner.map(ItemsCommand.owner), due: dueChange,
                status: status?.status, note: note, recurrence: recurrenceChange)
            let (item, next) = try await common.withStore { [dueChange, recurrenceChange] store in
                if var preview = try await store.item(id: id) {
                    if let dueChange { preview.due = dueChange }
                    if let recurrenceChange { preview.recurrence = recurrenceChange }
                    if let problem = preview.recurrenceProblem { throw ValidationError(problem) }
                }
                let item = try await store.updateItem(id: id, change, on: try common.today)
                return (item, try await ItemsCommand.next(of: item, in: store))
            }
            try ItemsCommand.print(item, format: format)
            if let next, format == .text { ItemsCommand.printNext(next) }
        }
    }

    struct Close: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "close", abstract: "Mark an item done (or cancelled).")
        @OptionGroup var common: Common
        @Argument(help: "The item's id.") var id: Int64
        @Option(help: "A note for the history.") var note: String?
        @Flag(help: "Cancelled rather than done.") var cancelled = false

        func run() async throws {
            let (item, next) = try await common.withStore { store in
                let item = try await store.updateItem(
                    id: id, ItemChange(status: cancelled ? .cancelled : .done, note: note), on: try common.today)
                return (item, try await ItemsCommand.next(of: item, in: store))
            }
            Swift.print("#\(id) \(item.status.rawValue): \(item.title)")
            if let next {
                ItemsCommand.printNext(next)
            } else if item.recurrence != nil, item.status == .cancelled {
                Swift.print("  the series ends here: a cancelled occurrence starts no next one")
            }
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Import items from a YAML file (data/items-from-agreement.yaml shows the form).",
            discussion:
                "An item whose title, body and meeting match one already stored is skipped, so importing twice adds nothing."
        )
        @OptionGroup var common: Common
        @Argument(help: "The file.") var file: String

        func run() async throws {
            let data = try common.calendars.loadOrExit().data
            let (items, errors) = PeopleAndItemsFiles.items(file, data: data)
            guard errors.isEmpty else {
                for error in errors { StandardError.print(error.description) }
                StandardError.print("nothing imported")
                throw ExitCode(1)
            }
            let added = try await common.withStore { store in
                let existing = try await store.items(ItemFilter())
                var added = 0
                for item in items
                where !existing.contains(where: {
                    $0.title == item.title && $0.body == item.body && $0.meeting == item.meeting
                }) {
                    _ = try await store.addItem(item)
                    added += 1
                }
                return added
            }
            Swift.print("imported \(added) of \(items.count) items (\(items.count - added) already there)")
        }
    }

    static func owner(_ text: String) throws -> Owner {
        guard let owner = Owner(text) else {
            throw ValidationError(
                "\"\(text)\" is not an owner; write person:NAME, role:ROLE, network:SLUG or municipality:SLUG")
        }
        return owner
    }

    static func date(_ text: String) throws -> LocalDate {
        guard let date = LocalDate(iso: text) else { throw ValidationError("\"\(text)\" is not a date as YYYY-MM-DD") }
        return date
    }

    static func recurrence(_ text: String) throws -> Recurrence {
        guard let recurrence = Recurrence(text: text) else {
            throw ValidationError(Recurrence.problem(parsing: text) ?? "\"\(text)\" is not a recurrence")
        }
        return recurrence
    }

    /// The occurrence that closing `item` created, if any.
    static func next(of item: Item, in store: any Store) async throws -> Item? {
        guard item.recurrence != nil, let id = item.id else { return nil }
        return try await store.items(ItemFilter(series: item.series)).first { $0.previous == id }
    }

    static func printNext(_ next: Item) {
        Swift.print(
            "  next occurrence #\(next.id ?? 0) due \(next.due?.description ?? "–") (\(next.recurrence?.description ?? ""))"
        )
    }

    static func check(_ item: Item, _ data: CalendarData) throws {
        let problems = item.problems(in: data)
        guard problems.isEmpty else { throw ValidationError(problems.joined(separator: "; ")) }
    }

    static func print(_ item: Item, format: OutputFormat) throws {
        switch format {
        case .json: Swift.print(try JSON.string(ItemDocument(item)))
        case .text:
            Swift.print("#\(item.id ?? 0) \(item.title)")
            Swift.print("  body: \(item.body)   status: \(item.status.rawValue)   due: \(item.due?.description ?? "–")")
            Swift.print("  owners: \(item.owners.map(\.description).joined(separator: ", "))")
            if let meeting = item.meeting {
                Swift.print("  decided at: \(meeting)" + (item.point.map { ", point \($0)" } ?? ""))
            }
            if let decision = item.decision { Swift.print("  decision: \(decision)") }
            if let recurrence = item.recurrence {
                Swift.print("  repeats: \(recurrence)   series: #\(item.series ?? 0)")
            }
            if !item.description.isEmpty { Swift.print("  \(item.description)") }
            for note in item.history { Swift.print("  \(note.date) \(note.status.rawValue): \(note.text)") }
        }
    }
}
