import KalendariumCore

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
