import ArgumentParser
import CalendarFiles
import KalendariumCore

/// `kalendarium rotation`: who hosts each conference, year by year, and why.
struct RotationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rotation",
        abstract: "Show the host municipalities of the conferences for a range of years.",
        discussion: """
            The cycle is derived from the recorded host history in conferences.yaml; overrides and \
            municipalities that leave are applied. Every row says why it has those hosts.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json, csv }

    @OptionGroup var options: CalendarOptions
    @Option(help: "First year.") var from: Int
    @Option(help: "Last year.") var to: Int
    @Option(help: ArgumentHelp("Only this conference (radslag, sodertornskonferensen, …).", valueName: "SLUG"))
    var conference: String?
    @Option(help: "Output format: table, json or csv.") var format: Format = .table

    func validate() throws {
        guard from <= to else { throw ValidationError("--from \(from) is after --to \(to)") }
        guard to - from <= 1000 else { throw ValidationError("at most 1000 years at a time") }
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
        for conference in conferences {
            let rotation = try HostRotation(conference: conference, municipalities: data.municipalities)
            rows += rotation.entries(in: from...to).map { RotationRow($0, data: data) }
        }
        rows.sort { ($0.year, $0.conference) < ($1.year, $1.conference) }
        switch format {
        case .json: print(try JSON.string(rows))
        case .csv: print(RotationRow.csv(rows), terminator: "")
        case .table: print(RotationRow.table(rows), terminator: "")
        }
    }
}

extension String {
    func padding(toLength length: Int) -> String {
        count >= length ? self : self + String(repeating: " ", count: length - count)
    }
}
