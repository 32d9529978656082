/// What a notice to leave would do to every conference year, before anyone edits the data:
/// the rotation with the leaver applied beside the rotation as the data stands.
public struct WithdrawalPreview: Sendable {
    /// One conference year, before and after the leave.
    public struct Row: Hashable, Sendable {
        public let after: RotationEntry
        public let before: RotationEntry
        /// The hosts or the status differ.
        public var changed: Bool { after.hosts != before.hosts || after.status != before.status }
    }

    /// The municipality as it is in the data.
    public let municipality: Municipality
    public let withdrawal: Withdrawal
    public let years: ClosedRange<Int>
    public let rows: [Row]

    /// - Parameters from, to: the years to show; by default from the year the notice was
    ///   received through one full cycle after the exit, which shows the whole effect once.
    /// - Throws: `WithdrawalError` for an unknown municipality, one that has left or given
    ///   notice already, or a notice from before it was a member.
    public init(
        leaving slug: String, withdrawal: Withdrawal, municipalities: [Municipality], conferences: [Conference],
        from: Int? = nil, to: Int? = nil
    ) throws(WithdrawalError) {
        guard let municipality = municipalities.first(where: { $0.slug == slug }) else {
            throw WithdrawalError(
                "unknown municipality \"\(slug)\"" + Suggestion.hint(for: slug, in: municipalities.map(\.slug))
                    + "; known: \(municipalities.map(\.slug).joined(separator: ", "))")
        }
        if let lastDay = municipality.lastDay {
            throw WithdrawalError(
                lastDay < withdrawal.noticeReceived
                    ? "\(slug) already left: municipalities.yaml says member-until \(lastDay) (its last day)"
                    : "\(slug) has already given notice: municipalities.yaml says member-until \(lastDay); "
                        + "remove it from municipalities.yaml to preview another notice")
        }
        guard withdrawal.noticeReceived.year >= municipality.memberFrom else {
            throw WithdrawalError(
                "\(slug) became a member in \(municipality.memberFrom), after the notice date "
                    + "\(withdrawal.noticeReceived); give a date when it was a member")
        }
        let leaving = municipalities.map { $0.slug == slug ? $0.leaving(after: withdrawal.lastDay) : $0 }
        let before = conferences.compactMap { try? HostRotation(conference: $0, municipalities: municipalities) }
        let after = conferences.compactMap { try? HostRotation(conference: $0, municipalities: leaving) }
        // One full cycle in years: the longest recorded cycle, plus its own year.
        let longest =
            before.map { rotation in
                (rotation.cycleYears.map { $0.upperBound - $0.lowerBound } ?? 0) + rotation.conference.interval
            }.max() ?? 1
        let first = from ?? min(withdrawal.noticeReceived.year, to ?? .max)
        let shown = first...max(first, to ?? withdrawal.firstDayOutside.year + longest)
        var rows: [Row] = []
        for (old, new) in zip(before, after) {
            rows += zip(old.entries(in: shown), new.entries(in: shown)).map { Row(after: $1, before: $0) }
        }
        self.municipality = municipality
        self.withdrawal = withdrawal
        self.years = shown
        self.rows = rows
    }
}

/// A notice that cannot be previewed, with what to fix.
public struct WithdrawalError: Error, Hashable, Sendable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
