public import KalendariumCore

/// Every Swedish string the feeds show, in one place for a native speaker to review.
public enum Swedish {
    public static let organisation = "Södertörnskommunerna"

    // MARK: Feed names and descriptions

    public static func calendarName(_ title: String) -> String { "\(organisation) – \(title)" }
    public static let allTitle = "Alla möten och konferenser"
    public static let allDescription =
        "Ledningsgruppens och samarbetskommitténs möten och Södertörns återkommande konferenser."
    public static let hostsTitle = "Värdkommuner"
    public static func hostsDescription(from: Int, to: Int) -> String {
        "Vilka kommuner som är värdar för Södertörns konferenser \(from)–\(to) och varför."
    }
    public static func bodyDescription(_ name: String) -> String { "Mötena i \(name.lowercasedFirst)." }
    public static func conferenceDescription(_ name: String) -> String { "\(name): datum och värdkommuner." }
    public static func municipalityDescription(_ name: String) -> String {
        "Möten i \(name) och \(name)s värdskap för Södertörns konferenser."
    }

    // MARK: Events

    public static func kind(_ kind: Meeting.Kind) -> String {
        switch kind {
        case .ordinary: "ordinarie möte"
        case .planningConference: "planeringskonferens"
        case .extra: "extra möte"
        case .withGuests: "möte med gäster"
        case .conference: "konferens"
        }
    }

    public static let cancelledPrefix = "INSTÄLLT: "
    public static let tentativeSuffix = " (preliminärt)"
    public static func undated(_ season: Season?, _ year: Int) -> String {
        season.map { " (datum ej fastställt, \(Swedish.season($0)) \(year))" } ?? " (datum ej fastställt)"
    }

    public static func season(_ season: Season) -> String {
        switch season {
        case .spring: "våren"
        case .summer: "sommaren"
        case .autumn: "hösten"
        case .winter: "vintern"
        }
    }

    public static let digital = "Digitalt"
    public static let place = "Plats"
    public static let guests = "Gäster"
    public static let note = "Anteckning"
    public static let calendarLink = "Kalendarium"
    public static let status = "Status"
    public static let tentative = "preliminärt"
    public static let cancelled = "inställt"
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

    /// The rotation's reason, in Swedish, for people reading the feed.
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

    /// "A, B och C".
    public static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: ""
        case 1: items[0]
        default: items.dropLast().joined(separator: ", ") + " och " + items.last!
        }
    }
}
