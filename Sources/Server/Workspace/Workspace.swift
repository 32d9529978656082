import Foundation
public import Hummingbird
import HummingbirdAuth
public import KalendariumCore
import Presentation
public import Store

/// The secretariat's workspace under `/arbetsyta/`: sign-in by an e-mailed link,
/// sessions in the store (hummingbird-auth's `SessionStorage` over
/// ``StorePersistDriver``), and the pages that plan, run and follow up meetings.
/// Every page needs a session; every POST checks the form's CSRF token and then the
/// person's role (``WorkspacePerson``) on the server, whatever the page showed.
public struct Workspace: Sendable {
    let state: CalendarState
    let store: any Store
    let mailer: any SignInMailing
    let editor: (any CalendarEditing)?
    let options: WorkspaceOptions
    let now: @Sendable () -> UTCInstant
    let sessions: SessionStorage<WorkspaceSession>
    let clients: ClientLimit

    static let cookieName = "kalendarium_session"
    /// A form is a few fields; anything larger is refused before it is read.
    static let maximumForm = 64 * 1024

    public init(
        state: CalendarState, store: any Store, mailer: any SignInMailing, editor: (any CalendarEditing)?,
        options: WorkspaceOptions = WorkspaceOptions(), now: @escaping @Sendable () -> UTCInstant
    ) {
        self.state = state
        self.store = store
        self.mailer = mailer
        self.editor = editor
        self.options = options
        self.now = now
        self.sessions = SessionStorage(
            StorePersistDriver(store: store, now: now),
            configuration: SessionStorageConfiguration(
                sessionCookieParameters: SessionCookieParameters(
                    name: Self.cookieName, path: WorkspacePaths.root, secure: options.secureCookies, sameSite: .lax),
                keyPrefix: "workspace."))
        self.clients = ClientLimit(limit: options.requestsPerClient, window: options.limitWindow)
    }

    public func register(on router: Router<AppRequestContext>) {
        registerSignIn(on: router)
        registerOverview(on: router)
        registerMeetings(on: router)
        registerAgenda(on: router)
        registerMinutes(on: router)
        registerPaperUpload(on: router)
        registerRotation(on: router)
        registerItems(on: router)
    }

    /// Someone signed in, as this request shows them.
    struct SignedIn: Sendable {
        let person: WorkspacePerson
        let session: WorkspaceSession
        let published: PublishedCalendar

        var viewer: WorkspacePage.Viewer { WorkspacePage.Viewer(person: person, csrf: session.csrf) }
        var data: CalendarData { published.data }
    }

    /// The session's person, if the request has a live session of someone who is still
    /// in `recipients.yaml`; nil otherwise.
    func signedIn(_ request: Request) async throws -> SignedIn? {
        guard let published = state.published else { return nil }
        guard let session = try await sessions.load(request: request) else { return nil }
        guard let recipient = published.recipients.first(where: { $0.email.lowercased() == session.email }) else {
            return nil
        }
        return SignedIn(person: WorkspacePerson(recipient), session: session, published: published)
    }

    /// Runs `body` for a signed-in person; anyone else is sent to the sign-in page.
    /// A store that cannot be read is 503 with a page that says so.
    func page(_ request: Request, _ body: (SignedIn) async throws -> Response) async throws -> Response {
        do {
            guard state.published != nil else {
                return WorkspaceResponse.html(.serviceUnavailable, WorkspacePage.unavailable())
            }
            guard let signed = try await signedIn(request) else {
                return WorkspaceResponse.redirect(WorkspacePaths.signIn + "?logga-in=1")
            }
            return try await body(signed)
        } catch let error as StoreError {
            return WorkspaceResponse.html(
                error.unavailable ? .serviceUnavailable : .internalServerError, WorkspacePage.unavailable())
        }
    }

    /// Reads a POSTed form, checks its CSRF token against the session's, then runs `body`.
    func form(
        _ request: Request, _ body: @escaping (SignedIn, Form) async throws -> Response
    ) async throws -> Response {
        let raw = try await request.body.collect(upTo: Self.maximumForm)
        let form = Form(AnswerRoutes.formFields(String(buffer: raw)))
        return try await page(request) { signed in
            guard CSRF.matches(form["csrf"], signed.session.csrf) else {
                return WorkspaceResponse.html(.forbidden, WorkspacePage.forgedForm())
            }
            return try await body(signed, form)
        }
    }

    /// 403 for someone signed in without the role a change needs.
    func forbidden(_ signed: SignedIn) -> Response {
        WorkspaceResponse.html(.forbidden, WorkspacePage.forbidden(signed.viewer))
    }

    func notFound(_ signed: SignedIn) -> Response {
        WorkspaceResponse.html(.notFound, WorkspacePage.notFound(signed.viewer))
    }

    func audit(_ signed: SignedIn, _ action: String, _ subject: String, _ detail: String = "") async throws {
        try await store.recordAudit(
            AuditEntry(at: now(), email: signed.person.email, action: action, subject: subject, detail: detail))
    }

    var today: LocalDate { StockholmTime.local(now()).date }
}

/// A POSTed form's fields, in order, trimmed of surrounding blanks.
struct Form: Sendable {
    let fields: [(String, String)]

    init(_ fields: [(String, String)]) {
        self.fields = fields.map { ($0.0, $0.1.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    subscript(_ name: String) -> String? {
        fields.first { $0.0 == name }.map(\.1)
    }

    /// The field, or nil when it is empty or missing.
    func given(_ name: String) -> String? {
        guard let value = self[name], !value.isEmpty else { return nil }
        return value
    }

    var dictionary: [String: String] { Dictionary(fields, uniquingKeysWith: { first, _ in first }) }
}
