/// Someone signed in to the workspace, with what their entry in `recipients.yaml`
/// lets them do. The secretariat (`kansli`) edits everything; a body's chair approves
/// its minutes and accepts proposed points; members see their bodies' members-only
/// agendas and minutes and may propose points; everyone else sees what the public
/// page shows. The server asks these questions before every write.
public struct WorkspacePerson: Sendable, Hashable {
    public let recipient: Recipient

    public init(_ recipient: Recipient) { self.recipient = recipient }

    public var email: String { recipient.email.lowercased() }
    public var name: String { recipient.name }

    /// The secretariat: edits the data, agendas, minutes and items.
    public var isSecretariat: Bool { recipient.roles.contains(.kansli) }

    /// Whether they chair `meeting` (its own chair, else its body's chair that year),
    /// matched by name as `recipients.yaml` and `bodies.yaml` write it.
    public func chairs(_ meeting: Meeting, in data: CalendarData) -> Bool {
        guard let chair = data.chair(of: meeting) else { return false }
        return chair.name.lowercased() == recipient.name.lowercased()
    }

    /// Whether they chair any meeting of `body` in `year`.
    public func chairs(_ body: Body, year: Int) -> Bool {
        body.chairs(in: year)?.chair.name.lowercased() == recipient.name.lowercased()
    }

    /// Whether they attend `body` (or keep it, as the secretariat).
    public func isMember(of body: Body) -> Bool { body.admits(recipient) }

    /// Edits a meeting's agenda: the secretariat.
    public var mayEditAgendas: Bool { isSecretariat }

    /// Accepts or declines proposed points: the secretariat and the meeting's chair.
    public func mayDecideProposals(_ meeting: Meeting, in data: CalendarData) -> Bool {
        isSecretariat || chairs(meeting, in: data)
    }

    /// Proposes a point: anyone who attends the body.
    public func mayPropose(to body: Body) -> Bool { isMember(of: body) }

    /// Records minutes: the secretariat.
    public var mayKeepMinutes: Bool { isSecretariat }

    /// Approves minutes: the secretariat and the meeting's chair.
    public func mayApproveMinutes(_ meeting: Meeting, in data: CalendarData) -> Bool {
        isSecretariat || chairs(meeting, in: data)
    }

    /// Sees a members-only body's agenda, papers and minutes.
    public func maySeeRestricted(_ body: Body) -> Bool { isMember(of: body) }

    /// Changes `calendars/` (meetings, the rotation, the year's plan) and the items.
    public var mayEditData: Bool { isSecretariat }
}
