public import KalendariumCore

/// Host rotation in Swedish: who hosts a conference year, and why.
extension Swedish {
    /// "Värdkommun: Huddinge", "Värdkommuner: Botkyrka och Salem".
    public static func hosts(_ names: [String]) -> String {
        (names.count == 1 ? "Värdkommun: " : "Värdkommuner: ") + list(names)
    }

    public static func hostEventSummary(conference: String, year: Int, hosts: [String]) -> String {
        hosts.isEmpty ? "\(conference) \(year) – värd saknas" : "\(conference) \(year) – värd: \(list(hosts))"
    }

    public static func municipalityHostSummary(conference: String, year: Int, municipality: String) -> String {
        "\(municipality) är värd för \(conference) \(year)"
    }

    public static func arrangedBy(_ network: String) -> String { "Arrangeras av nätverket \(network)." }

    /// A year's hosts in a table cell: "Botkyrka och Salem", "Botkyrka (digitalt)", "inställt".
    public static func hostCell(_ entry: RotationEntry, _ data: CalendarData) -> String {
        if entry.status == .cancelled { return cancelled }
        if let network = entry.network { return data.network(network)?.name ?? network }
        let names = list(entry.hosts.map { data.municipality($0)?.name ?? $0 })
        return entry.status == .digital ? "\(names) (\(digital))" : names
    }

    /// The rotation's reason, for people reading the feed.
    public static func reason(_ reason: RotationReason, names: (String) -> String) -> String {
        func hostList(_ slugs: [String]) -> String { slugs.isEmpty ? "ingen" : list(slugs.map(names)) }
        func with(_ note: String?) -> String { note.map { " (\($0))" } ?? "" }
        switch reason {
        case .cycle(let position, let length, let from, let to, let skipped):
            let base = "Enligt turordningen: plats \(position) av \(length) i cykeln från \(from)–\(to)."
            return skipped.isEmpty ? base : base + " \(list(skipped.map(names))) hoppas över (inte medlem)."
        case .recorded(true, _): return "Enligt beslutad plan (stämmer med turordningen)."
        case .recorded(false, let cycle): return "Enligt beslutad plan (turordningen skulle ge \(hostList(cycle)))."
        case .swapped(let other, let note): return "Bytt år med \(other)\(with(note))."
        case .explicit(let cycle, let note): return "Särskilt beslut i stället för \(hostList(cycle))\(with(note))."
        case .cancelled(let cycle, let note): return "Inställt; \(hostList(cycle)) förlorar sin tur\(with(note))."
        case .digital(let underlying, let note):
            return Swedish.reason(underlying, names: names) + " Genomförs digitalt\(with(note))."
        case .network(let network, _): return arrangedBy(network)
        case .tooFewMembers: return "För få medlemskommuner för att fylla värdskapet."
        }
    }
}
