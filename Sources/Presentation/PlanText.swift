public import KalendariumCore

/// The notes a proposed year file gives its meetings (`kalendarium plan`).
extension Swedish {
    public static func planNote(_ note: PlanNote, _ data: CalendarData) -> String {
        switch note {
        case .planningConference(let lunchToLunch):
            lunchToLunch ? "Planeringskonferens (lunch–lunch)" : "Planeringskonferens"
        case .networkDecides(let network): "Nätverket \(data.network(network)?.name ?? network) bestämmer datum"
        case .hosts(let slugs): "Värdkommuner \(list(slugs.map { data.municipality($0)?.name ?? $0 }))"
        }
    }
}
