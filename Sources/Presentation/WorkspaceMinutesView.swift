public import KalendariumCore
import Mustache

/// *Minnesanteckningar* for a meeting: the secretariat starts them from the agenda
/// and the answers, notes the attendance, each point's notes and decisions (a
/// decision with an owner becomes an item), and the follow-up of earlier items; the
/// approvers (the chair and the adjuster) approve, and the secretariat can record an
/// approval given to it.
extension WorkspacePage {
    public static func minutes(
        _ viewer: Viewer, _ minutes: Minutes?, meeting: Meeting, data: CalendarData, openItems: [Item],
        people: [Recipient], publicURL: String, notice: String? = nil, error: String? = nil
    ) -> String {
        let person = viewer.person
        let editable = person.mayKeepMinutes && !(minutes?.isLocked ?? false)
        let action = "/arbetsyta/moten/\(meeting.id)/minnesanteckningar"
        let owners = ownerChoices(data, people: people).map { ["value": $0.0, "label": $0.1] }
        var context: [String: Any] = [
            "title": Swedish.meetingTitle(meeting, data).capitalizedFirst, "when": Swedish.when(meeting),
            "meetingHref": "/arbetsyta/moten/\(meeting.id)", "action": action, "csrf": viewer.csrf,
            "state": minutesState(minutes), "started": minutes != nil, "mayEdit": editable,
            "mayStart": minutes == nil && person.mayKeepMinutes, "secretary": person.name,
        ]
        if let minutes {
            let content = minutes.draft
            let members = data.memberCount(in: meeting.year)
            let quorum = content.quorum(members: members)
            context["quorum"] =
                "\(quorum.present) av \(quorum.members) ledamöter närvarande"
                + (quorum.reached ? "; beslutsmässigt." : "; inte beslutsmässigt (minst hälften krävs).")
            context["chair"] = content.chair ?? ""
            context["secretaryName"] = content.secretary ?? ""
            context["adjuster"] = minutes.approvers.first { $0 != content.chair } ?? ""
            context["approvers"] = minutes.approvers.isEmpty ? "ingen namngiven" : Swedish.list(minutes.approvers)
            context["hasApprovals"] = !minutes.approvals.isEmpty
            context["approvals"] = Swedish.list(minutes.approvals.map(\.by))
            if minutes.isApproved { context["publicHref"] = publicURL }
            context["mayCorrect"] = person.mayKeepMinutes && minutes.isLocked
            if !minutes.isLocked, person.mayApproveMinutes(meeting, in: data) {
                let waiting = minutes.approvers.filter { name in !minutes.approvals.contains { $0.by == name } }
                context["approveAs"] = waiting.compactMap { name -> [String: Any]? in
                    if name.lowercased() == person.name.lowercased() {
                        return [
                            "name": name, "label": "Justera minnesanteckningarna", "action": action,
                            "csrf": viewer.csrf,
                        ]
                    }
                    guard person.isSecretariat else { return nil }
                    return [
                        "name": name, "label": "Registrera justering av \(name)", "action": action,
                        "csrf": viewer.csrf,
                    ]
                }
            }
            context["hasAttendance"] = !content.attendance.isEmpty
            context["attendance"] = content.attendance.map { a -> [String: Any] in
                [
                    "name": a.name, "municipality": a.municipality.map { data.municipality($0)?.name ?? $0 } ?? "–",
                    "present": a.present ? "ja" : "nej", "note": a.note ?? "",
                ]
            }
            context["municipalities"] = data.municipalities.filter { $0.isMember(in: meeting.year) }.map {
                ["slug": $0.slug, "name": $0.name]
            }
            context["points"] = content.points.enumerated().map { index, point -> [String: Any] in
                [
                    "number": index + 1, "title": point.title,
                    "notes": point.notes.isEmpty ? [] : point.notes.split(separator: "\n\n").map(String.init),
                    "hasDecisions": !point.decisions.isEmpty,
                    "decisions": point.decisions.map { decision -> [String: Any] in
                        [
                            "text": decision.text,
                            "items": decision.items.map { ["id": $0, "href": "/arbetsyta/arenden/\($0)"] },
                        ]
                    },
                    "mayEdit": editable, "action": action, "csrf": viewer.csrf, "owners": owners,
                ]
            }
            let followed = Dictionary(content.followUps.map { ($0.item, $0.status) }, uniquingKeysWith: { $1 })
            context["hasOpenItems"] = !openItems.isEmpty
            context["openItems"] = openItems.map { item -> [String: Any] in
                [
                    "id": item.id ?? 0, "title": item.title, "href": "/arbetsyta/arenden/\(item.id ?? 0)",
                    "followed": followed[item.id ?? 0].map(Swedish.followUp) as Any, "mayEdit": editable,
                    "action": action, "csrf": viewer.csrf,
                    "statuses": FollowUp.Status.allCases.map { ["value": $0.rawValue, "label": Swedish.followUp($0)] },
                ]
            }
        }
        return layout(
            title: "Minnesanteckningar", viewer: viewer, section: .meetings,
            main: Templates.workspaceMinutes.render(context), notice: notice, error: error)
    }
}
