import Foundation
import Hummingbird
import KalendariumCore
import Presentation
import Store

/// *Möten*: the year's meetings; an extra meeting added, a meeting moved, given
/// another place or cancelled. Each change is first shown as the diff of its data
/// file with `check`'s result (`steg=granska`), then saved by a second POST of the
/// same fields (`steg=spara`) against the version of the file the diff was made
/// from, so a file changed in between is not overwritten unseen.
extension Workspace {
    func registerMeetings(on router: Router<AppRequestContext>) {
        router.get(RouterPath(WorkspacePaths.meetings)) { request, _ in
            try await page(request) { signed in
                let query = request.uri.queryParameters
                let year = query.get("ar").flatMap { Int($0) }.flatMap { (1900...2199).contains($0) ? $0 : nil }
                let shown = year ?? today.year
                let notice = query.get("sparat").map { "Ändringen är sparad i calendars/\($0)." }
                return WorkspaceResponse.html(
                    .ok, WorkspacePage.meetings(signed.viewer, year: shown, data: signed.data, notice: notice))
            }
        }
        router.post(RouterPath(WorkspacePaths.meetings + "/extra")) { request, _ in
            try await form(request) { signed, form in
                guard signed.person.mayEditData, editor != nil else { return forbidden(signed) }
                let year = LocalDate(iso: form["datum"] ?? "")?.year ?? today.year
                func again(
                    _ status: HTTPResponse.Status, error: String?, preview: WorkspacePage.Change? = nil
                )
                    -> Response
                {
                    WorkspaceResponse.html(
                        status,
                        WorkspacePage.meetings(
                            signed.viewer, year: year, data: signed.data, form: form.dictionary, error: error,
                            preview: preview))
                }
                let change: CalendarChange
                switch Self.extra(form) {
                case .failure(let error): return again(.unprocessableContent, error: error.description)
                case .success(let extra): change = .extra(extra)
                }
                return try await edit(
                    change, form: form, signed: signed, action: WorkspacePaths.meetings + "/extra",
                    subject: { AuditEntry.file($0) }, show: again)
            }
        }
        router.get("/arbetsyta/moten/{id}") { request, context in
            try await page(request) { signed in
                guard let meeting = Self.meeting(context, signed.data) else { return notFound(signed) }
                let notice = request.uri.queryParameters.get("sparat").map { "Ändringen är sparad i calendars/\($0)." }
                return WorkspaceResponse.html(
                    .ok,
                    WorkspacePage.meeting(
                        signed.viewer, meeting, data: signed.data, pageURL: signed.published.pageURL,
                        audit: try await store.auditEntries(subject: AuditEntry.meeting(meeting.id), limit: 50),
                        answerURL: try await answerLink(meeting, signed), notice: notice))
            }
        }
        router.post("/arbetsyta/moten/{id}") { request, context in
            try await form(request) { signed, form in
                guard let meeting = Self.meeting(context, signed.data) else { return notFound(signed) }
                guard signed.person.mayEditData, editor != nil else { return forbidden(signed) }
                let audit = try await store.auditEntries(subject: AuditEntry.meeting(meeting.id), limit: 50)
                func again(
                    _ status: HTTPResponse.Status, error: String?, preview: WorkspacePage.Change? = nil
                )
                    -> Response
                {
                    WorkspaceResponse.html(
                        status,
                        WorkspacePage.meeting(
                            signed.viewer, meeting, data: signed.data, pageURL: signed.published.pageURL,
                            audit: audit, error: error, preview: preview))
                }
                let change: CalendarChange
                switch Self.meetingChange(form, meeting: meeting, today: today) {
                case .failure(let error): return again(.unprocessableContent, error: error.description)
                case .success(let made): change = made
                }
                return try await edit(
                    change, form: form, signed: signed, action: WorkspacePaths.meeting(meeting.id),
                    subject: { _ in AuditEntry.meeting(meeting.id) }, show: again)
            }
        }
    }

    /// Previews or saves `change` as the form's `steg` says, and answers the page again
    /// (`show`) with the diff, or 303 to where the saved change shows.
    func edit(
        _ change: CalendarChange, form: Form, signed: SignedIn, action: String,
        subject: (String) -> String,
        show: (HTTPResponse.Status, String?, WorkspacePage.Change?) -> Response
    ) async throws -> Response {
        guard let editor else { return forbidden(signed) }
        let saving = form["steg"] == "spara"
        let edit =
            saving ? await editor.save(change, version: form["version"] ?? "") : await editor.preview(change)
        let preview = WorkspacePage.Change(
            file: "calendars/\(edit.file)", diff: LineDiff.lines(from: edit.before, to: edit.after),
            errors: edit.errors, warnings: edit.warnings, action: action, fields: form.fields, version: edit.version)
        guard edit.saved else {
            return show(edit.errors.isEmpty ? .ok : .unprocessableContent, nil, preview)
        }
        try await audit(signed, Self.describe(change), subject(edit.file), "calendars/\(edit.file)")
        if case .extra(let extra) = change, let made = try? extra.meeting(in: signed.data).get() {
            try await audit(signed, "meeting: extra added", AuditEntry.meeting(made.id), "calendars/\(edit.file)")
            return WorkspaceResponse.redirect(
                WorkspacePaths.meetings + "?ar=\(extra.date.year)&sparat=\(edit.file)")
        }
        if case .adoptPlan(let year) = change {
            return WorkspaceResponse.redirect(action + "?ar=\(year)&sparat=\(edit.file)")
        }
        return WorkspaceResponse.redirect(action + "?sparat=\(edit.file)")
    }

    /// The person's own answer link when the kallelse goes to them and answers are open.
    func answerLink(_ meeting: Meeting, _ signed: SignedIn) async throws -> String? {
        let invited = signed.data.invitees(of: meeting, recipients: signed.published.recipients)
        guard invited.contains(where: { $0.email.lowercased() == signed.person.email }),
            AnswerWindow(meeting, at: now()) == .open
        else { return nil }
        let token = AgendaTokens(secret: try await store.agendaTokenSecret()).answerToken(
            meeting: meeting.id, email: signed.person.email)
        return MeetingPage.answerURL(pageURL: signed.published.pageURL, meeting: meeting.id, token: token, choice: nil)
    }

    static func describe(_ change: CalendarChange) -> String {
        switch change {
        case .extra(let extra): "meeting: extra \(extra.body) \(extra.date)"
        case .move(_, let date, let start, _): "meeting: moved to \(date)" + (start.map { " \($0)" } ?? "")
        case .place: "meeting: place changed"
        case .cancel(_, let reason, _): "meeting: cancelled (\(reason))"
        case .rotation(let conference, let change, _): "rotation: \(conference) \(change)"
        case .adoptPlan(let year): "plan: \(year) adopted"
        }
    }

    static func meeting(_ context: AppRequestContext, _ data: CalendarData) -> Meeting? {
        guard let raw = context.parameters.get("id"), let id = raw.removingPercentEncoding else { return nil }
        return data.meetings.first { $0.id == id }
    }

    static func place(_ form: Form) -> Place? {
        let place = Place(
            municipality: form.given("kommun"), venue: form.given("lokal"),
            digital: form.given("digitalt").map {
                ["ja", "true"].contains($0.lowercased()) ? DigitalMeeting() : DigitalMeeting(platform: $0)
            })
        return place.isEmpty ? nil : place
    }

    static func extra(_ form: Form) -> Result<ExtraMeeting, CalendarEditError> {
        guard let body = form.given("organ") else { return .failure(CalendarEditError("Välj ett organ.")) }
        guard let date = LocalDate(iso: form["datum"] ?? "") else {
            return .failure(CalendarEditError("Skriv datumet som ÅÅÅÅ-MM-DD."))
        }
        guard let start = LocalTime(text: form["start"] ?? "") else {
            return .failure(CalendarEditError("Skriv när mötet börjar, som 08:30."))
        }
        var end: LocalTime?
        if let text = form.given("slut") {
            guard let given = LocalTime(text: text), given > start else {
                return .failure(CalendarEditError("Mötet måste sluta efter att det börjar."))
            }
            end = given
        }
        return .success(
            ExtraMeeting(
                body: body, date: date, start: start, end: end, place: place(form), note: form.given("notering")))
    }

    static func meetingChange(
        _ form: Form, meeting: Meeting, today: LocalDate
    ) -> Result<
        CalendarChange, CalendarEditError
    > {
        switch form["andring"] {
        case "flytta":
            guard let date = LocalDate(iso: form["datum"] ?? "") else {
                return .failure(CalendarEditError("Skriv det nya datumet som ÅÅÅÅ-MM-DD."))
            }
            let start = form.given("start").flatMap(LocalTime.init(text:))
            let end = form.given("slut").flatMap(LocalTime.init(text:))
            if let start, let end, end <= start {
                return .failure(CalendarEditError("Mötet måste sluta efter att det börjar."))
            }
            return .success(.move(meeting: meeting.id, date: date, start: start, end: end))
        case "plats":
            return .success(.place(meeting: meeting.id, place: place(form)))
        case "stall-in":
            guard let reason = form.given("skal") else {
                return .failure(CalendarEditError("Skriv varför mötet ställs in."))
            }
            return .success(.cancel(meeting: meeting.id, reason: reason, decided: today))
        default:
            return .failure(CalendarEditError("Okänd ändring."))
        }
    }
}
