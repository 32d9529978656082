import KalendariumCore

/// One row of `rotation` output; the JSON field names are a contract for scripts.
/// `moved_to` is always there; `hosts_before` and `changed` only in a `--leave` preview.
struct RotationRow: Encodable {
    let year: Int
    let conference: String
    let hosts: [String]
    let hostNames: [String]
    let network: String?
    let status: String
    let basis: String
    let reason: String
    let movedTo: ConferenceMove?
    /// In a preview: the hosts as the data stands, and whether the leave changes the year.
    let hostsBefore: [String]?
    let hostNamesBefore: [String]?
    let changed: Bool?

    init(_ entry: RotationEntry, data: CalendarData, before: RotationEntry? = nil) {
        func name(_ slug: String) -> String { data.municipality(slug)?.name ?? slug }
        year = entry.year
        conference = entry.conference
        hosts = entry.hosts
        hostNames = entry.hosts.map(name)
        network = entry.network
        status = entry.status.rawValue
        basis = entry.reason.basis
        reason = entry.reason.description(names: name)
        movedTo = entry.movedTo
        hostsBefore = before?.hosts
        hostNamesBefore = before?.hosts.map(name)
        changed = before.map { $0.hosts != entry.hosts || $0.status != entry.status }
    }

    enum CodingKeys: String, CodingKey {
        case year, conference, hosts, network, status, basis, reason, changed
        case hostNames = "host_names"
        case movedTo = "moved_to"
        case hostsBefore = "hosts_before"
    }

    enum MoveKeys: String, CodingKey { case year, season }

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
        if let movedTo {
            var move = c.nestedContainer(keyedBy: MoveKeys.self, forKey: .movedTo)
            try move.encode(movedTo.year, forKey: .year)
            try move.encode(movedTo.season.rawValue, forKey: .season)
        } else {
            try c.encodeNil(forKey: .movedTo)
        }
        try c.encodeIfPresent(hostsBefore, forKey: .hostsBefore)
        try c.encodeIfPresent(changed, forKey: .changed)
    }

    /// "salem leaves: notice received 2030-05-10, …", above a preview.
    static func preface(_ preview: WithdrawalPreview, data: CalendarData) -> String {
        let w = preview.withdrawal
        let changed = preview.rows.filter(\.changed)
        let span = "\(preview.years.lowerBound)–\(preview.years.upperBound)"
        let effect =
            changed.map(\.after.year).min().map { first in
                changed.count == 1
                    ? "1 conference year in \(span) changes: \(first)."
                    : "\(changed.count) conference years in \(span) change, the first in \(first)."
            } ?? "No conference year in \(span) changes."
        return "\(preview.municipality.name) (\(preview.municipality.slug)) leaves: notice received "
            + "\(w.noticeReceived), counted from \(w.countedFrom) (agreement § 2: twelve months); "
            + "last day as a member \(w.lastDay). \(effect)"
    }

    static func table(_ rows: [RotationRow]) -> String {
        let preview = rows.contains { $0.changed != nil }
        let header = ["year", "conference", "hosts"] + (preview ? ["before"] : []) + ["status", "reason"]
        func names(_ names: [String]) -> String { names.joined(separator: " + ") }
        let cells = rows.map { row -> [String] in
            var cells = [
                String(row.year), row.conference,
                row.hostNames.isEmpty ? (row.network.map { "(\($0))" } ?? "–") : names(row.hostNames),
            ]
            if preview {
                let before = names(row.hostNamesBefore ?? [])
                cells.append(row.changed == true ? (before.isEmpty ? "–" : before) : "same")
            }
            return cells + [row.status, row.reason]
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
        let preview = rows.contains { $0.changed != nil }
        var out =
            "year,conference,hosts,network,status,basis,reason,moved_to" + (preview ? ",hosts_before,changed" : "")
            + "\r\n"
        for r in rows {
            var fields = [
                String(r.year), r.conference, r.hosts.joined(separator: ";"), r.network ?? "", r.status, r.basis,
                r.reason, r.movedTo?.description ?? "",
            ]
            if preview {
                fields += [(r.hostsBefore ?? []).joined(separator: ";"), r.changed == true ? "true" : "false"]
            }
            out += fields.map(field).joined(separator: ",") + "\r\n"
        }
        return out
    }
}
