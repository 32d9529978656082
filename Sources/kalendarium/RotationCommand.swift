import ArgumentParser
import CalendarFiles
import KalendariumCore

/// `kalendarium rotation`: who hosts each conference, year by year, and why; with
/// `--leave`, what a notice to leave would change, before anyone edits the data.
struct RotationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rotation",
        abstract: "Show the host municipalities of the conferences for a range of years.",
        discussion: """
            The cycle is derived from the recorded host history in conferences.yaml; overrides and \
            municipalities that leave are applied. Every row says why it has those hosts.

            With --leave SLUG --notice-received DATE it previews a notice to leave (agreement § 2: \
            twelve months, counted from the first of the month after the chair received the notice): \
            every conference year with the leaver applied, and what each changed year had before. \
            Without --from/--to the preview runs from the notice's year through one full cycle after the exit.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json, csv }

    @OptionGroup var options: CalendarOptions
    @Option(help: "First year (required unless --leave is given).") var from: Int?
    @Option(help: "Last year (required unless --leave is given).") var to: Int?
    @Option(help: ArgumentHelp("Only this conference (radslag, sodertornskonferensen, …).", valueName: "SLUG"))
    var conference: String?
    @Option(help: "Output format: table, json or csv.") var format: Format = .table
    @Option(help: ArgumentHelp("Preview this municipality leaving (needs --notice-received).", valueName: "SLUG"))
    var leave: String?
    @Option(
        help: ArgumentHelp(
            "The day the committee's chair received the council's notice (with --leave).", valueName: "YYYY-MM-DD"))
    var noticeReceived: String?

    func validate() throws {
        switch (leave, noticeReceived) {
        case (nil, nil):
            guard from != nil, to != nil else {
                throw ValidationError(
                    "give --from YEAR and --to YEAR, or --leave SLUG --notice-received DATE to preview a notice")
            }
        case (_?, nil):
            throw ValidationError(
                "--leave needs --notice-received YYYY-MM-DD: the day the committee's chair received the notice")
        case (nil, _?):
            throw ValidationError("--notice-received needs --leave SLUG: the municipality that gives notice")
        case (_?, let date?):
            guard LocalDate(iso: date) != nil else {
                throw ValidationError(
                    "--notice-received \"\(date)\" is not a date; write it as YYYY-MM-DD (2030-05-10)")
            }
        }
        if let from, let to {
            guard from <= to else { throw ValidationError("--from \(from) is after --to \(to)") }
            guard to - from <= 1000 else { throw ValidationError("at most 1000 years at a time") }
        }
    }

    func run() throws {
        let data = try options.loadOrExit().data
        var conferences = data.conferences
        if let conference {
            guard let chosen = data.conference(conference) else {
                throw ValidationError(
                    "unknown conference \"\(conference)\""
                        + Suggestion.hint(for: conference, in: data.conferences.map(\.slug))
                        + "; known: \(data.conferences.map(\.slug).joined(separator: ", "))")
            }
            conferences = [chosen]
        }
        var rows: [RotationRow] = []
        var preface: String?
        if let leave, let noticeReceived, let received = LocalDate(iso: noticeReceived) {
            let preview = try withdrawalPreview(leave, received, conferences, data)
            rows = preview.rows.map { RotationRow($0.after, data: data, before: $0.before) }
            preface = RotationRow.preface(preview, data: data)
        } else if let from, let to {
            for conference in conferences {
                let rotation = try HostRotation(conference: conference, municipalities: data.municipalities)
                rows += rotation.entries(in: from...to).map { RotationRow($0, data: data) }
            }
        }
        rows.sort { ($0.year, $0.conference) < ($1.year, $1.conference) }
        // On standard error, so a script reading standard output sees only the rows.
        if let preface { StandardError.print(preface) }
        switch format {
        case .json: print(try JSON.string(rows))
        case .csv: print(RotationRow.csv(rows), terminator: "")
        case .table: print(RotationRow.table(rows), terminator: "")
        }
    }

    private func withdrawalPreview(
        _ slug: String, _ received: LocalDate, _ conferences: [Conference], _ data: CalendarData
    ) throws -> WithdrawalPreview {
        for conference in conferences {
            _ = try HostRotation(conference: conference, municipalities: data.municipalities)
        }
        do throws(WithdrawalError) {
            return try WithdrawalPreview(
                leaving: slug, withdrawal: Withdrawal(noticeReceived: received), municipalities: data.municipalities,
                conferences: conferences, from: from, to: to)
        } catch {
            throw ValidationError("--leave: \(error.message)")
        }
    }
}

extension String {
    func padding(toLength length: Int) -> String {
        count >= length ? self : self + String(repeating: " ", count: length - count)
    }
}
