import Hummingbird
import KalendariumCore
import NIOCore
import Presentation
import Store

/// `POST /arbetsyta/moten/{id}/dagordning/handlingar`: a paper uploaded from the
/// browser (`multipart/form-data`) and attached to a point. The body is bounded before
/// it is read (``PaperContent/maximumBytes`` and a little for the fields); the type
/// must be one papers may have, and the bytes must be what the name says. The file is
/// kept in the store under a sanitised name (``PaperName``) and served from there,
/// never from a path made of what the browser sent.
extension Workspace {
    static let uploadLimit = PaperContent.maximumBytes + 64 * 1024

    func registerPaperUpload(on router: Router<AppRequestContext>) {
        router.post("/arbetsyta/moten/{id}/dagordning/handlingar") { request, context in
            try await page(request) { signed in
                guard let meeting = Self.meeting(context, signed.data) else { return notFound(signed) }
                func again(_ status: HTTPResponse.Status, _ error: String) async throws -> Response {
                    WorkspaceResponse.html(
                        status,
                        WorkspacePage.agenda(
                            signed.viewer,
                            try await store.agenda(meeting: meeting.id) ?? signed.data.newAgenda(for: meeting),
                            meeting: meeting, data: signed.data, error: error))
                }
                guard let boundary = MultipartForm.boundary(request.headers[.contentType]) else {
                    return try await again(.unsupportedMediaType, "Handlingen ska skickas med formuläret på sidan.")
                }
                if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > Self.uploadLimit {
                    return try await again(.contentTooLarge, WorkspacePage.paperTooLarge)
                }
                let body: ByteBuffer
                do { body = try await request.body.collect(upTo: Self.uploadLimit) } catch is NIOTooManyBytesError {
                    return try await again(.contentTooLarge, WorkspacePage.paperTooLarge)
                }
                guard let form = MultipartForm(Array(body.readableBytesView), boundary: boundary) else {
                    return try await again(.badRequest, "Handlingen kom inte fram hel. Försök igen.")
                }
                let fields = Form(form.fields)
                guard CSRF.matches(fields["csrf"], signed.session.csrf) else {
                    return WorkspaceResponse.html(.forbidden, WorkspacePage.forgedForm())
                }
                guard signed.person.mayEditAgendas else { return forbidden(signed) }
                let number = fields["punkt"].flatMap { Int($0) } ?? 0
                guard let file = form.files["fil"], !file.bytes.isEmpty else {
                    return try await again(.unprocessableContent, "Välj en fil att ladda upp.")
                }
                guard let name = PaperName.sanitised(file.filename) else {
                    return try await again(.unprocessableContent, "Filens namn går inte att använda; byt namn på den.")
                }
                let stored: StoredPaper
                do {
                    let type = try PaperContent.contentType(name: name, bytes: file.bytes)
                    stored = StoredPaper(meeting: meeting.id, name: name, contentType: type, bytes: file.bytes)
                } catch let error as AgendaError {
                    return try await again(.unprocessableContent, error.message)
                }
                let paper = stored.paper
                let data = signed.data
                let instant = now()
                do {
                    _ = try await store.updateAgenda(
                        meeting: meeting.id, create: { data.newAgenda(for: meeting) }, papers: [stored]
                    ) { (agenda: inout Agenda) throws(AgendaError) in try agenda.attach(paper, to: number, at: instant)
                    }
                } catch let error as AgendaError {
                    return try await again(.unprocessableContent, error.message)
                }
                try await audit(signed, "agenda: paper", AuditEntry.meeting(meeting.id), "\(name) to point \(number)")
                return WorkspaceResponse.redirect(WorkspacePaths.agenda(meeting.id) + "?klart=handling")
            }
        }
    }
}
