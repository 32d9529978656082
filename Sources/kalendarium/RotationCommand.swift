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

/// One row of `rotation` output; the JSON field names are a contract for scripts.
struct RotationRow: Encodable {
    let year: Int
    let conference: String
    let hosts: [String]
    let hostNames: [String]
    let network: String?
    let status: String
    let basis: String
    let reason: String

    init(_ entry: RotationEntry, data: CalendarData) {
        year = entry.year
        conference = entry.conference
        hosts = entry.hosts
        hostNames = entry.hosts.map { data.municipality($0)?.name ?? $0 }
        network = entry.network
        status = entry.status.rawValue
        basis = entry.reason.basis
        reason = entry.reason.description
    }

    enum CodingKeys: String, CodingKey {
        case year, conference, hosts, network, status, basis, reason
        case hostNames = "host_names"
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(year, forKey: .year)
        try c.encode(conference, forKey: .conference)
        try c.encode(hosts, forKey: .hosts)
        try c.encode(hostNames, forKey: .hostNames)
        try c.encode(network, forKey: .network)
        try c.encode(status, forKey: .status)
        try c.encode(basis, forKey: .basis)
        try c.encode(reason, forKey: .reason)
    }

    static func table(_ rows: [RotationRow]) -> String {
        let header = ["year", "conference", "hosts", "status", "reason"]
        let cells = rows.map { row in
            [
                String(row.year), row.conference,
                row.hostNames.isEmpty ? (row.network.map { "(\($0))" } ?? "–") : row.hostNames.joined(separator: " + "),
                row.status, row.reason,
            ]
        }
        let widths = header.indices.map { i in ([header[i]] + cells.map { $0[i] }).map(\.count).max() ?? 0 }
        func line(_ values: [String]) -> String {
            values.enumerated().map { i, v in i == values.count - 1 ? v : v.padding(toLength: widths[i]) }
                .joined(separator: "  ") + "\n"
        }
        return line(header) + cells.map(line).joined()
    }

    static func csv(_ rows: [RotationRow]) -> String {
        func field(_ s: String) -> String {
            s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" })
                ? "\"" + s.replacing("\"", with: "\"\"") + "\"" : s
        }
        var out = "year,conference,hosts,network,status,basis,reason\r\n"
        for r in rows {
            out +=
                [
                    String(r.year), r.conference, r.hosts.joined(separator: ";"), r.network ?? "", r.status, r.basis,
                    r.reason,
                ]
                .map(field).joined(separator: ",") + "\r\n"
        }
        return out
    }
}

extension String {
    func padding(toLength length: Int) -> String {
        count >= length ? self : self + String(repeating: " ", count: length - count)
    }
}
