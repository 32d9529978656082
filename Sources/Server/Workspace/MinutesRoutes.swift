import Hummingbird
import KalendariumCore
import Presentation
import Store

/// *Minnesanteckningar* for a meeting, with every change the minutes CLI and API make:
/// start (from the agenda and the answers to the kallelse), attendance, notes,
/// decisions that create items, follow-up of earlier items, approval and correction.
/// Each change runs with its effects on the items in one transaction of the store
/// (``MinutesStore/updateMinutes(meeting:create:on:_:)``) and goes to the audit log.
extension Workspace {
    func registerMinutes(on router: Router<AppRequestContext>) {
        router.get("/arbetsyta/moten/{id}/minnesanteckningar") { request, context in
            try await page(request) { signed in
                guard let meeting = Self.meeting(context, signed.data) else { return notFound(signed) }
                let notice = request.uri.queryParameters.get("klart").flatMap { Self.minutesNotice[String($0)] }
                return try await minutesPage(meeting, signed, notice: notice, error: nil, status: .ok)
            }
        }
        router.post("/arbetsyta/moten/{id}/minnesanteckningar") { request, context in
            try await form(request) { signed, form in
                guard let meeting = Self.meeting(context, signed.data) else { return notFound(signed) }
                return try await changeMinutes(meeting, signed: signed, form: form)
            }
        }
    }

    func minutesPage(
        _ meeting: Meeting, _ signed: SignedIn, notice: String?, error: String?, status: HTTPResponse.Status
    ) async throws -> Response {
        guard case .body(let slug) = meeting.subject, let body = signed.data.body(slug) else {
            return notFound(signed)
        }
        let minutes = try await store.minutes(meeting: meeting.id)
        // Members see a members-only body's minutes; the draft is the secretariat's.
        if body.agendaIsRestricted, !signed.person.maySeeRestricted(body) { return forbidden(signed) }
        let open = try await store.items(ItemFilter(body: slug, statuses: [.open, .inProgress]))
        return WorkspaceResponse.html(
            status,
            WorkspacePage.minutes(
                signed.viewer, signed.person.mayKeepMinutes || (minutes?.isApproved ?? false) ? minutes : nil,
                meeting: meeting, data: signed.data, openItems: open.filter { $0.meeting != meeting.id },
                people: signed.published.recipients,
                publicURL: MeetingPage.url(pageURL: signed.published.pageURL, meeting: meeting.id), notice: notice,
                error: error))
    }

    func changeMinutes(_ meeting: Meeting, signed: SignedIn, form: Form) async throws -> Response {
        let data = signed.data
        let person = signed.person
        let action = form["andring"] ?? ""
        let number = form["punkt"].flatMap { Int($0) } ?? 0
        let text = form["text"] ?? ""
        let change: MinutesAPI.Change
        var detail = ""
        switch action {
        case "justera":
            guard person.mayApproveMinutes(meeting, in: data) else { return forbidden(signed) }
            let name = form["namn"] ?? person.name
            // Only the secretariat records an approval given by someone else.
            guard name.lowercased() == person.name.lowercased() || person.isSecretariat else {
                return forbidden(signed)
            }
            detail = name
            change = { m, now throws(AgendaError) in
                _ = try m.approve(by: name, at: now)
                return []
            }
        default:
            guard person.mayKeepMinutes else { return forbidden(signed) }
            switch action {
            case "starta":
                let answers = MeetingAnswers(
                    meeting: meeting, data: data, recipients: signed.published.recipients,
                    records: try await store.answers(meetings: [meeting.id]))
                let started = data.newMinutes(
                    for: meeting, agenda: try await store.agenda(meeting: meeting.id),
                    secretary: form.given("sekreterare"), adjuster: form.given("justerare"), answers: answers)
                change = { m, _ throws(AgendaError) in
                    guard m.draft.points.isEmpty else {
                        throw AgendaError(.conflict, "minnesanteckningarna är redan startade")
                    }
                    m = started
                    return []
                }
            case "funktioner":
                let chair = form.given("ordforande")
                let secretary = form.given("sekreterare")
                let adjuster = form.given("justerare")
                detail = [chair, secretary, adjuster].compactMap { $0 }.joined(separator: ", ")
                change = { m, _ throws(AgendaError) in
                    try m.setChair(chair, secretary: secretary)
                    if let adjuster { try m.setAdjuster(adjuster) }
                    return []
                }
            case "narvaro":
                let attendance = Attendance(
                    name: form["namn"] ?? "", municipality: form.given("kommun"), organisation: nil,
                    role: Attendance.Role(rawValue: form["roll"] ?? "") ?? .member, present: form["narvarande"] == "ja",
                    substitute: nil, part: nil, note: nil)
                detail = attendance.name
                change = { m, _ throws(AgendaError) in
                    try m.attend(attendance)
                    return []
                }
            case "anteckning":
                detail = "punkt \(number)"
                change = { m, _ throws(AgendaError) in
                    try m.note(number, text)
                    return []
                }
            case "beslut":
                var items: [Item] = []
                if let owner = form.given("ansvarig").flatMap(Owner.init) {
                    let due = form.given("klart").flatMap { LocalDate(iso: $0) }
                    if let item = Minutes.item(
                        deciding: text, title: nil, description: "", owners: [owner], due: due, meeting: meeting,
                        point: number)
                    {
                        let problems = item.problems(in: data)
                        guard problems.isEmpty else {
                            return try await minutesPage(
                                meeting, signed, notice: nil,
                                error: "Beslutet kan inte bli ett ärende: " + problems.joined(separator: "; ") + ".",
                                status: .unprocessableContent)
                        }
                        items = [item]
                    }
                }
                detail = text
                change = { [items] m, _ throws(AgendaError) in
                    let index = try m.decide(number, text)
                    return items.isEmpty ? [] : [.createItems(items, point: number, decision: index)]
                }
            case "uppfoljning":
                guard let item = form["arende"].flatMap({ Int64($0) }),
                    let status = FollowUp.Status(rawValue: form["status"] ?? "")
                else {
                    return try await minutesPage(
                        meeting, signed, notice: nil, error: "Okänd uppföljning.", status: .badRequest)
                }
                let followUp = FollowUp(item: item, status: status, note: form["notering"] ?? "")
                let history = Swedish.followUpHistory(status, note: followUp.note, meeting: meeting, data)
                detail = "item \(item): \(status.rawValue)"
                change = { m, _ throws(AgendaError) in
                    try m.followUp(followUp)
                    return [.followUp(followUp, note: history)]
                }
            case "ratta":
                let reason = form["skal"] ?? ""
                detail = reason
                change = { m, _ throws(AgendaError) in
                    try m.correct(reason: reason)
                    return []
                }
            default:
                return try await minutesPage(meeting, signed, notice: nil, error: "Okänd ändring.", status: .badRequest)
            }
        }
        guard case .body = meeting.subject else { return notFound(signed) }
        let instant = now()
        let id = meeting.id
        let day = meeting.schedule.firstDay ?? today
        do {
            _ = try await store.updateMinutes(
                meeting: id, create: { Minutes(meeting: id, draft: .init(), approvers: []) }, on: day
            ) { (m: inout Minutes) throws(AgendaError) in ((), try change(&m, instant)) }
        } catch let error as AgendaError {
            return try await minutesPage(
                meeting, signed, notice: nil, error: error.message, status: .unprocessableContent)
        }
        try await audit(signed, "minutes: \(action)", AuditEntry.meeting(meeting.id), detail)
        return WorkspaceResponse.redirect(WorkspacePaths.minutes(meeting.id) + "?klart=\(action)")
    }

    static let minutesNotice: [String: String] = [
        "starta": "Minnesanteckningarna är startade.",
        "funktioner": "Ordförande, sekreterare och justerare är sparade.", "narvaro": "Närvaron är antecknad.",
        "anteckning": "Anteckningen är sparad.", "beslut": "Beslutet är antecknat.",
        "uppfoljning": "Uppföljningen är antecknad.", "justera": "Justeringen är registrerad.",
        "ratta": "Rättelsen är öppnad: ändra utkastet och justera igen.",
    ]
}
