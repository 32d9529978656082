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

    /// A year's hosts in a table cell: "Botkyrka och Salem", "Botkyrka (digitalt)",
    /// "Botkyrka och Salem (våren 2021)", "inställt".
    public static func hostCell(_ entry: RotationEntry, _ data: CalendarData) -> String {
        if entry.status == .cancelled { return cancelled }
        if let network = entry.network { return data.network(network)?.name ?? network }
        let names = list(entry.hosts.map { data.municipality($0)?.name ?? $0 })
        var notes: [String] = []
        if entry.status == .digital { notes.append(digital) }
        if let move = entry.movedTo { notes.append(moved(move)) }
        return notes.isEmpty ? names : "\(names) (\(notes.joined(separator: ", ")))"
    }

    /// "våren 2021".
    public static func moved(_ move: ConferenceMove) -> String { "\(season(move.season)) \(move.year)" }

    /// The rotation's reason, for people reading the feed.
    public static func reason(_ reason: RotationReason, names: (String) -> String) -> String {
        func hostList(_ slugs: [String]) -> String { slugs.isEmpty ? "ingen" : list(slugs.map(names)) }
        func with(_ note: String?) -> String { note.map { " (\($0))" } ?? "" }
        switch reason {
        case .cycle(let turn): return turnText(turn, hostList)
        case .recorded(true, _): return "Enligt beslutad plan (stämmer med turordningen)."
        case .recorded(false, let cycle): return "Enligt beslutad plan (turordningen skulle ge \(hostList(cycle)))."
        case .swapped(let other, let note):
            return "Bytt år med \(other); ingen förlorar sin tur\(with(note))."
        case .explicit(let cycle, let displaced, let note):
            let moved = displaced.isEmpty ? "" : "; " + displacedText(displaced, hostList)
            return "Särskilt beslut i stället för \(hostList(cycle))\(moved)\(with(note))."
        case .cancelled(let cycle, let displaced, let note):
            let moved = displaced.isEmpty ? "\(hostList(cycle)) förlorar sin tur" : displacedText(displaced, hostList)
            return "Inställt; \(moved)\(with(note))."
        case .digital(let underlying, let note):
            return Swedish.reason(underlying, names: names) + " Genomförs digitalt\(with(note))."
        case .moved(let underlying, let move, let note):
            return Swedish.reason(underlying, names: names) + " Flyttad till \(moved(move))\(with(note))."
        case .network(let network, _): return arrangedBy(network)
        case .tooFewMembers: return "För få medlemskommuner för att fylla värdskapet."
        }
    }

    /// "Enligt turordningen: plats 3 av 8 i cykeln från 2019–2026." or, after a member
    /// left, "Enligt turordningen: tur 3 av 7 sedan Salem lämnade samarbetet 2031."
    private static func turnText(_ turn: RotationTurn, _ hostList: ([String]) -> String) -> String {
        var text: String
        if turn.since.isEmpty {
            text =
                "Enligt turordningen: plats \(turn.cyclePosition) av \(turn.cycleLength) i cykeln från "
                + "\(turn.cycleYears.lowerBound)–\(turn.cycleYears.upperBound)."
        } else {
            let numbers = turn.turnNumbers
            let consecutive = numbers == Array(numbers[0]..<(numbers[0] + numbers.count))
            let counted =
                numbers.count == 1
                ? "\(numbers[0])" : consecutive ? "\(numbers[0])–\(numbers.last!)" : list(numbers.map(String.init))
            let changes = turn.since.map { change in
                switch change {
                case .left(let slug, _): "\(hostList([slug])) lämnade samarbetet \(change.year)"
                case .joined(let slug, _): "\(hostList([slug])) gick med \(change.year)"
                }
            }
            text = "Enligt turordningen: tur \(counted) av \(turn.members) sedan \(list(changes))."
        }
        if !turn.skipped.isEmpty { text += " \(hostList(turn.skipped)) hoppas över (inte medlem)." }
        for group in RotationReason.postponedGroups(turn.postponed) {
            let cause = group.cause == .cancelled ? "som ställdes in" : "då andra kommuner var värdar"
            text += " \(hostList(group.slugs)) tar sin tur från \(group.from), \(cause)."
        }
        return text
    }

    /// "Nynäshamn och Haninge får sin tur 2028 i stället", "Salem förlorar sin tur".
    private static func displacedText(_ displaced: [Displacement], _ hostList: ([String]) -> String) -> String {
        RotationReason.displacedGroups(displaced).map { group in
            group.hostsIn.map { "\(hostList(group.slugs)) får sin tur \($0) i stället" }
                ?? "\(hostList(group.slugs)) förlorar sin tur"
        }.joined(separator: "; ")
    }
}
