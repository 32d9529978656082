import KalendariumCore

/// The JSON shape of a meeting's minutes, shared by `kalendarium minutes show --format
/// json` and `GET /api/v1/meetings/{id}/minutes`. Every key is present.
public struct MinutesDocument: Encodable, Sendable {
    struct Person: Encodable, Sendable {
        let name: String
        let municipality: String?
        let organisation: String?
        let role: String
        let present: Bool
        let substitute: String?
        let part: String?
        let note: String?

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(name, forKey: .name)
            try c.encode(municipality, forKey: .municipality)
            try c.encode(organisation, forKey: .organisation)
            try c.encode(role, forKey: .role)
            try c.encode(present, forKey: .present)
            try c.encode(substitute, forKey: .substitute)
            try c.encode(part, forKey: .part)
            try c.encode(note, forKey: .note)
        }

        enum CodingKeys: String, CodingKey {
            case name, municipality, organisation, role, present, substitute, part, note
        }
    }

    struct Point: Encodable, Sendable {
        let number: Int
        let title: String
        let notes: String
        let decisions: [DecisionEntry]
    }

    struct DecisionEntry: Encodable, Sendable {
        let text: String
        let items: [Int64]
        let assignment: Bool
    }

    struct FollowUpEntry: Encodable, Sendable {
        let item: Int64
        let status: String
        let note: String
    }

    struct Quorum: Encodable, Sendable {
        let present: Int
        let members: Int
        let reached: Bool
    }

    struct VersionEntry: Encodable, Sendable {
        let number: Int
        let reason: String?
        let approvedBy: [String]
        let approvedAt: [String]

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(number, forKey: .number)
            try c.encode(reason, forKey: .reason)
            try c.encode(approvedBy, forKey: .approvedBy)
            try c.encode(approvedAt, forKey: .approvedAt)
        }

        enum CodingKeys: String, CodingKey {
            case number, reason
            case approvedBy = "approved_by"
            case approvedAt = "approved_at"
        }
    }

    let meeting: String
    let title: String
    /// `draft`, `approved`, or `correcting` (a correction of an approved version is open).
    let state: String
    let version: Int
    let chair: String?
    let secretary: String?
    let approvers: [String]
    let approvedBy: [String]
    let quorum: Quorum
    let attendance: [Person]
    let points: [Point]
    let followUpPoint: Int?
    let followUps: [FollowUpEntry]
    let versions: [VersionEntry]
    let text: String

    enum CodingKeys: String, CodingKey {
        case meeting, title, state, version, chair, secretary, approvers, quorum, attendance, points, versions, text
        case approvedBy = "approved_by"
        case followUpPoint = "follow_up_point"
        case followUps = "follow_ups"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(meeting, forKey: .meeting)
        try c.encode(title, forKey: .title)
        try c.encode(state, forKey: .state)
        try c.encode(version, forKey: .version)
        try c.encode(chair, forKey: .chair)
        try c.encode(secretary, forKey: .secretary)
        try c.encode(approvers, forKey: .approvers)
        try c.encode(approvedBy, forKey: .approvedBy)
        try c.encode(quorum, forKey: .quorum)
        try c.encode(attendance, forKey: .attendance)
        try c.encode(points, forKey: .points)
        try c.encode(followUpPoint, forKey: .followUpPoint)
        try c.encode(followUps, forKey: .followUps)
        try c.encode(versions, forKey: .versions)
        try c.encode(text, forKey: .text)
    }

    init(_ view: MinutesView) {
        let m = view.minutes
        let c = view.content
        meeting = m.meeting
        title = view.heading
        state = m.isLocked ? "approved" : m.isApproved ? "correcting" : "draft"
        version = m.latestVersion?.number ?? 0
        chair = c.chair
        secretary = c.secretary
        approvers = m.approvers
        approvedBy = m.approvals.map(\.by)
        let q = c.quorum(members: view.members)
        quorum = Quorum(present: q.present, members: q.members, reached: q.reached)
        attendance = c.attendance.map { a in
            Person(
                name: a.name, municipality: a.municipality, organisation: a.organisation, role: a.role.rawValue,
                present: a.present, substitute: a.substitute, part: a.part?.text, note: a.note)
        }
        points = c.points.map { p in
            Point(
                number: p.number, title: p.title, notes: p.notes,
                decisions: p.decisions.map {
                    DecisionEntry(text: $0.text, items: $0.items, assignment: $0.isAssignment)
                })
        }
        followUpPoint = c.followUpPoint
        followUps = c.followUps.map { FollowUpEntry(item: $0.item, status: $0.status.rawValue, note: $0.note) }
        versions = m.versions.map { v in
            VersionEntry(
                number: v.number, reason: v.reason, approvedBy: v.approvals.map(\.by),
                approvedAt: v.approvals.map(\.at.description))
        }
        text = view.text
    }
}
