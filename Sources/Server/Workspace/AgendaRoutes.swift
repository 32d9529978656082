import Hummingbird
import KalendariumCore
import Presentation
import Store

/// *Dagordning* for a meeting: the secretariat adds, orders and removes points and
/// publishes; the chair also accepts or declines proposals; members propose points.
/// Each change runs on the stored agenda in one transaction, as `kalendarium agenda`
/// and the API do, and is written to the audit log.
extension Workspace {
    func registerAgenda(on router: Router<AppRequestContext>) {
        router.get("/arbetsyta/moten/{id}/dagordning") { request, context in
            try await page(request) { signed in
                guard let meeting = Self.meeting(context, signed.data) else { return notFound(signed) }
                if let body = signed.data.body(meeting.subject.slug), body.agendaIsRestricted,
                    !signed.person.maySeeRestricted(body)
                {
                    return forbidden(signed)
                }
                let agenda = try await store.agenda(meeting: meeting.id) ?? signed.data.newAgenda(for: meeting)
                let notice = request.uri.queryParameters.get("klart").flatMap { Self.agendaNotice[String($0)] }
                return WorkspaceResponse.html(
                    .ok,
                    WorkspacePage.agenda(
                        signed.viewer, agenda, meeting: meeting, data: signed.data, notice: notice,
                        paperURL: try await paperLink(meeting, signed)))
            }
        }
        router.post("/arbetsyta/moten/{id}/dagordning") { request, context in
            try await form(request) { signed, form in
                guard let meeting = Self.meeting(context, signed.data) else { return notFound(signed) }
                return try await changeAgenda(meeting, signed: signed, form: form)
            }
        }
    }

    /// The change a form asks for, if the person may make it: the stored agenda's
    /// change and what the audit log says of it.
    func agendaChange(_ meeting: Meeting, signed: SignedIn, form: Form) -> (AgendaAPI.Change, String)?? {
        let data = signed.data
        let person = signed.person
        let number = form["punkt"].flatMap { Int($0) } ?? 0
        let key = form["forslag"].flatMap { Int($0) } ?? 0
        let title = form["rubrik"] ?? ""
        switch form["andring"] ?? "" {
        case "ny-punkt":
            guard person.mayEditAgendas else { return .some(nil) }
            let kind = AgendaKind(rawValue: form["typ"] ?? "") ?? .information
            return (
                { agenda, now throws(AgendaError) in
                    _ = try agenda.add(Agenda.PointFields(title: title, kind: kind), at: now)
                }, title
            )
        case "andra":
            guard person.mayEditAgendas else { return .some(nil) }
            let kind = AgendaKind(rawValue: form["typ"] ?? "")
            return (
                { agenda, now throws(AgendaError) in
                    try agenda.edit(number, Agenda.PointFields(title: title, kind: kind), at: now)
                }, "\(number): \(title)"
            )
        case "ta-bort-handling":
            guard person.mayEditAgendas else { return .some(nil) }
            let name = form["handling"] ?? ""
            return ({ agenda, now throws(AgendaError) in _ = try agenda.detach(name, at: now) }, name)
        case "upp", "ned":
            guard person.mayEditAgendas else { return .some(nil) }
            let to = form["andring"] == "upp" ? number - 1 : number + 1
            return (
                { agenda, now throws(AgendaError) in try agenda.move(number, to: to, at: now) }, "\(number) → \(to)"
            )
        case "ta-bort":
            guard person.mayEditAgendas else { return .some(nil) }
            return ({ agenda, now throws(AgendaError) in _ = try agenda.remove(number, at: now) }, "\(number)")
        case "publicera":
            guard person.mayEditAgendas else { return .some(nil) }
            return ({ agenda, now throws(AgendaError) in _ = try agenda.publish(at: now) }, "")
        case "godta":
            guard person.mayDecideProposals(meeting, in: data) else { return .some(nil) }
            return ({ agenda, now throws(AgendaError) in _ = try agenda.accept(proposal: key, at: now) }, "\(key)")
        case "avsla":
            guard person.mayDecideProposals(meeting, in: data) else { return .some(nil) }
            return ({ agenda, _ throws(AgendaError) in _ = try agenda.decline(proposal: key) }, "\(key)")
        case "foresla":
            guard let body = data.body(meeting.subject.slug), person.mayPropose(to: body) else { return .some(nil) }
            let reason = form["motivering"] ?? ""
            let by = person.name
            let today = self.today
            return (
                { agenda, _ throws(AgendaError) in
                    _ = try agenda.propose(
                        Agenda.PointFields(title: title, kind: .information), by: by, reason: reason, on: today)
                }, title
            )
        default:
            return nil
        }
    }

    func changeAgenda(_ meeting: Meeting, signed: SignedIn, form: Form) async throws -> Response {
        let data = signed.data
        func again(_ status: HTTPResponse.Status, _ error: String) async throws -> Response {
            WorkspaceResponse.html(
                status,
                WorkspacePage.agenda(
                    signed.viewer, try await store.agenda(meeting: meeting.id) ?? data.newAgenda(for: meeting),
                    meeting: meeting, data: data, error: error))
        }
        guard let allowed = agendaChange(meeting, signed: signed, form: form) else {
            return try await again(.badRequest, "Okänd ändring.")
        }
        guard let (change, detail) = allowed else { return forbidden(signed) }
        let instant = now()
        do {
            _ = try await store.updateAgenda(meeting: meeting.id, create: { data.newAgenda(for: meeting) }, papers: [])
            {
                (agenda: inout Agenda) throws(AgendaError) in try change(&agenda, instant)
            }
        } catch let error as AgendaError {
            return try await again(.unprocessableContent, error.message)
        }
        let action = form["andring"] ?? ""
        try await audit(signed, "agenda: \(action)", AuditEntry.meeting(meeting.id), detail)
        return WorkspaceResponse.redirect(WorkspacePaths.agenda(meeting.id) + "?klart=\(action)")
    }

    /// Where the person reads a paper: the meeting page's paper address, with their own
    /// token when the body is members-only (the same token their kallelse carries).
    func paperLink(_ meeting: Meeting, _ signed: SignedIn) async throws -> @Sendable (String) -> String {
        let pageURL = signed.published.pageURL
        var token: String?
        if let body = signed.data.body(meeting.subject.slug), body.agendaIsRestricted {
            token = AgendaTokens(secret: try await store.agendaTokenSecret()).token(
                meeting: meeting.id, email: signed.person.email)
        }
        return { [token] name in MeetingPage.paperURL(pageURL: pageURL, meeting: meeting.id, name: name, token: token) }
    }

    static let agendaNotice: [String: String] = [
        "ny-punkt": "Punkten är tillagd.", "upp": "Punkten är flyttad.", "ned": "Punkten är flyttad.",
        "ta-bort": "Punkten är borttagen.", "publicera": "Dagordningen är publicerad.",
        "godta": "Förslaget är godtaget och står nu på dagordningen.", "avsla": "Förslaget är avslaget.",
        "foresla": "Ditt förslag är skickat till sekretariatet.", "handling": "Handlingen är bifogad.",
        "andra": "Punkten är ändrad.", "ta-bort-handling": "Handlingen är borttagen.",
    ]
}
