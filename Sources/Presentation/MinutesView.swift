public import KalendariumCore
import Mustache

/// A meeting's minutes as the seeds lay them out: a header with body, time and place,
/// Närvarande and Frånvarande, the numbered points with each Beslut set apart, the
/// follow-ups of earlier items, and the secretary and the approvers at the foot.
/// The same content as plain text (`minutes show`, the e-mail), HTML (the meeting
/// page, printable on A4) and JSON (`--format json`, the API).
public struct MinutesView: Sendable {
    public let minutes: Minutes
    public let content: Minutes.Content
    public let meeting: Meeting
    public let data: CalendarData
    public let items: [Item]
    /// The members the quorum is counted against.
    public let members: Int

    public init(
        minutes: Minutes, content: Minutes.Content, meeting: Meeting, data: CalendarData, items: [Item], members: Int
    ) {
        self.minutes = minutes
        self.content = content
        self.meeting = meeting
        self.data = data
        self.items = items
        self.members = members
    }

    public var heading: String { "Minnesanteckningar från \(Swedish.meetingTitle(meeting, data))" }

    var present: [Attendance] { content.attendance.filter(\.present) }
    var absent: [Attendance] { content.attendance.filter { !$0.present } }

    var quorum: (present: Int, members: Int, reached: Bool) { content.quorum(members: members) }

    public var quorumLine: String {
        let q = quorum
        return q.reached
            ? "\(q.present) av \(q.members) ledamöter närvarande; mötet var beslutsmässigt."
            : "Endast \(q.present) av \(q.members) ledamöter närvarande: mötet var inte beslutsmässigt (minst hälften krävs, samarbetsavtalet § 3)."
    }

    /// "Leif Eriksson, Botkyrka", "Gustav Fridlund, Botkyrka, endast punkt 2".
    func line(_ a: Attendance) -> String {
        var parts = [a.name]
        if let m = a.municipality { parts.append(data.municipality(m)?.name ?? m) }
        if let o = a.organisation { parts.append(o) }
        if let s = a.substitute { parts.append("ersättare: \(s)") }
        if let part = a.part { parts.append(Swedish.attendancePart(part)) }
        if let note = a.note { parts.append(note) }
        return parts.joined(separator: ", ")
    }

    func itemLine(_ id: Int64) -> String {
        guard let item = items.first(where: { $0.id == id }) else { return "Ärende #\(id)" }
        var line = "Ärende #\(id): \(item.title)"
        let owners = item.owners.map { Swedish.owner($0, data) }
        if !owners.isEmpty { line += "; ansvarig: \(Swedish.list(owners))" }
        if let due = item.due { line += "; senast \(Swedish.date(due))" }
        return line
    }

    func followUpLine(_ f: FollowUp) -> String {
        itemLine(followedUp: f.item, said: Swedish.followUp(f.status) + (f.note.isEmpty ? "" : " – \(f.note)"))
    }

    /// "Besvara remissen (från ledningsgruppens möte fredag 9 oktober 2020): Pågår".
    func itemLine(followedUp id: Int64, said: String) -> String {
        let item = items.first { $0.id == id }
        var from = ""
        if let meetingID = item?.meeting, let m = data.meetings.first(where: { $0.id == meetingID }) {
            from = " (från \(Swedish.meetingTitle(m, data)))"
        }
        return "\(item?.title ?? "Ärende #\(id)")\(from): \(said)"
    }

    /// At the follow-up point of a draft: every open item of the body from earlier
    /// meetings, followed up or not yet, so the secretary sees what to ask about.
    var followUpLines: [String] {
        var lines = content.followUps.map(followUpLine)
        guard !minutes.isLocked, content == minutes.draft, case .body(let slug) = meeting.subject else { return lines }
        let followed = Set(content.followUps.map(\.item))
        for item in items where item.body == slug && item.status.isOpen && item.meeting != meeting.id {
            guard let id = item.id, !followed.contains(id) else { continue }
            lines.append(itemLine(followedUp: id, said: "ej uppföljt än"))
        }
        return lines
    }

    var approvalLine: String {
        if minutes.isLocked, let v = minutes.latestVersion, content == v.content {
            // Imported minutes carry no approval date: the day of the import is not one.
            return "Justerade: "
                + v.approvals.map {
                    v.announce ? "\($0.by) (\(Swedish.shortDate(StockholmTime.local($0.at).date)))" : $0.by
                }
                .joined(separator: ", ")
        }
        if let v = minutes.versions.first(where: { $0.content == content }) {
            return "Justerade (version \(v.number)): " + v.approvals.map(\.by).joined(separator: ", ")
        }
        return "Utkast, inte justerat. Justeras av: "
            + (minutes.approvers.isEmpty ? "ingen utsedd än" : minutes.approvers.joined(separator: " och "))
    }

    var versionLine: String? {
        guard let v = minutes.versions.first(where: { $0.content == content }), let reason = v.reason else {
            return nil
        }
        return "Version \(v.number), rättad: \(reason)"
    }

    public var text: String {
        var out = [heading, "Tid: \(Swedish.when(meeting))"]
        if let place = Swedish.place(meeting.place, data) { out.append("Plats: \(place)") }
        if !present.isEmpty { out.append("Närvarande: " + present.map(line).joined(separator: "\n             ")) }
        if !absent.isEmpty { out.append("Frånvarande: " + absent.map(line).joined(separator: "\n             ")) }
        out.append(quorumLine)
        if let chair = content.chair { out.append("Ordförande: \(chair)") }
        for point in content.points {
            out.append("")
            out.append("\(point.number). \(point.title)")
            if !point.notes.isEmpty { out.append(point.notes) }
            if point.number == content.followUpPoint, !followUpLines.isEmpty {
                out.append("Utestående ärenden:")
                out += followUpLines.map { "  • " + $0 }
            }
            for decision in point.decisions {
                out.append(decision.isAssignment ? "Uppdrag" : "Beslut")
                out.append("  " + decision.text.split(separator: "\n").joined(separator: "\n  "))
                out += decision.items.map { "  → " + itemLine($0) }
            }
        }
        out.append("")
        out.append("Vid anteckningarna: \(content.secretary ?? "–")")
        out.append(approvalLine)
        if let versionLine { out.append(versionLine) }
        return out.joined(separator: "\n")
    }

    /// The whole printable document.
    public func html(pageURL: String) -> String {
        Templates.minutes.render([
            "heading": heading, "article": article(pageURL: pageURL), "pageURL": pageURL,
            "meetingURL": MeetingPage.url(pageURL: pageURL, meeting: meeting.id),
        ])
    }

    /// The minutes' `<article>`, also shown on the meeting page below the agenda.
    public func article(pageURL: String) -> String {
        let context: [String: Any] = [
            "heading": heading, "when": Swedish.when(meeting), "place": Swedish.place(meeting.place, data) ?? "",
            "present": present.map(line), "hasPresent": !present.isEmpty, "absent": absent.map(line),
            "hasAbsent": !absent.isEmpty, "quorum": quorumLine, "noQuorum": !quorum.reached,
            "chair": content.chair ?? "",
            "points": content.points.map { point -> [String: Any] in
                let followUps = point.number == content.followUpPoint ? followUpLines : []
                return [
                    "number": point.number, "title": point.title,
                    "notes": point.notes.split(separator: "\n\n").map(String.init),
                    "followUps": followUps, "hasFollowUps": !followUps.isEmpty,
                    "decisions": point.decisions.map { d in
                        [
                            "text": d.text, "items": d.items.map(itemLine),
                            "heading": d.isAssignment ? "Uppdrag" : "Beslut",
                        ]
                    },
                ]
            },
            "secretary": content.secretary ?? "–", "approval": approvalLine, "version": versionLine ?? "",
            "pageURL": pageURL, "meetingURL": MeetingPage.url(pageURL: pageURL, meeting: meeting.id),
        ]
        return Templates.minutesArticle.render(context)
    }

    /// The JSON shape of `minutes show --format json` and the API.
    public var document: MinutesDocument { MinutesDocument(self) }
}

extension Swedish {
    /// "Pågår", "Klart", "Bordlagt", "Struken": as the minutes write a follow-up.
    public static func followUp(_ status: FollowUp.Status) -> String {
        switch status {
        case .inProgress: "Pågår"
        case .done: "Klart"
        case .tabled: "Bordlagt"
        case .struck: "Struken"
        }
    }

    /// The note a follow-up leaves in its item's history: the meeting and what it said.
    public static func followUpHistory(
        _ status: FollowUp.Status, note: String, meeting: Meeting, _ data: CalendarData
    ) -> String {
        "\(meetingTitle(meeting, data).capitalizedFirst): \(followUp(status))" + (note.isEmpty ? "" : " – \(note)")
    }

    /// "endast punkt 2", "endast punkt 2 och 3", "t.o.m. kl. 10:00", "från kl. 09:30".
    public static func attendancePart(_ part: Attendance.Part) -> String {
        switch part {
        case .points(let n): "endast punkt \(list(n.map(String.init)))"
        case .until(let t): "t.o.m. kl. \(t)"
        case .from(let t): "från kl. \(t)"
        }
    }
}
