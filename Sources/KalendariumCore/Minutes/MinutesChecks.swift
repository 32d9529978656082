/// What `kalendarium check` says about the minutes in the store: a meeting whose
/// minutes record fewer than half of the members present was not quorate (agreement
/// § 3, "beslutför när minst hälften av ledamöterna är närvarande"), and its decisions
/// need another look.
public enum MinutesChecks {
    public static func quorum(_ all: [Minutes], _ data: CalendarData) -> [Diagnostic] {
        all.compactMap { minutes -> Diagnostic? in
            guard let meeting = data.meetings.first(where: { $0.id == minutes.meeting }),
                case .body(let slug) = meeting.subject
            else { return nil }
            let content = minutes.isLocked ? minutes.latestVersion!.content : minutes.draft
            guard !content.attendance.isEmpty else { return nil }
            let members = data.memberCount(in: meeting.year)
            let q = content.quorum(members: members)
            guard !q.reached else { return nil }
            return Diagnostic(
                .warning, rule: .noQuorum,
                "the minutes record \(q.present) of \(q.members) members present, fewer than half (agreement § 3); "
                    + "its decisions were taken without quorum",
                at: meeting.location, date: meeting.schedule.firstDay, subject: slug)
        }
    }
}
