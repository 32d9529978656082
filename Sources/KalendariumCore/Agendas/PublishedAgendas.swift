extension Collection where Element == Agenda {
    /// The latest published version of each published agenda, by meeting id: what the
    /// page, the feeds and the kallelse show (a draft is the secretariat's alone).
    public var latestVersions: [String: AgendaVersion] {
        Dictionary(compactMap { agenda in agenda.latestVersion.map { (agenda.meeting, $0) } }) { $1 }
    }
}
