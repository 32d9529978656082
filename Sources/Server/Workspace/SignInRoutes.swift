import Foundation
import Hummingbird
import HummingbirdAuth
import KalendariumCore
import Logging
import Presentation
import Store

/// Signing in by e-mail link, no passwords. `POST /arbetsyta/logga-in` mails a link
/// when the address is in `recipients.yaml` and answers the same page either way; the
/// link's GET only shows a "Logga in" button, because mail scanners (Outlook's Safe
/// Links) follow links, and only its POST uses the link up and starts a session, with
/// a new session id every time. Limits: a few links per address (in the store, so
/// every daemon counts them) and a few requests per client (in this daemon).
extension Workspace {
    func registerSignIn(on router: Router<AppRequestContext>) {
        router.get(RouterPath(WorkspacePaths.signIn)) { request, _ in
            if (try? await signedIn(request)) != nil { return WorkspaceResponse.redirect(WorkspacePaths.overview) }
            let csrf = CSRF.anonymous(request, secure: options.secureCookies)
            let query = request.uri.queryParameters
            let notice =
                query.get("utloggad") != nil
                ? WorkspacePage.signedOut : query.get("logga-in") != nil ? WorkspacePage.signInFirst : nil
            return WorkspaceResponse.html(
                .ok, WorkspacePage.signIn(csrf: csrf.token, notice: notice), cookies: csrf.cookie.map { [$0] } ?? [])
        }
        router.post(RouterPath(WorkspacePaths.signIn)) { request, context in
            let form = Form(AnswerRoutes.formFields(String(buffer: try await request.body.collect(upTo: 16 * 1024))))
            guard CSRF.matches(form["csrf"], request.cookies[CSRF.cookieName].map { String($0.value) }) else {
                return WorkspaceResponse.html(.forbidden, WorkspacePage.forgedForm())
            }
            let client = context.remoteAddress?.ipAddress ?? "unknown"
            guard clients.allow(client) else {
                return WorkspaceResponse.html(.tooManyRequests, WorkspacePage.tooManyRequests())
            }
            let email = (form["epost"] ?? "").lowercased()
            guard email.contains("@"), email.utf8.count <= 254 else {
                let csrf = CSRF.anonymous(request, secure: options.secureCookies)
                return WorkspaceResponse.html(
                    .unprocessableContent,
                    WorkspacePage.signIn(
                        csrf: csrf.token, email: form["epost"] ?? "",
                        error: "Skriv en e-postadress, som namn@kommun.se."))
            }
            do {
                try await mailLink(to: email, logger: context.logger)
            } catch let error as StoreError {
                return WorkspaceResponse.html(
                    error.unavailable ? .serviceUnavailable : .internalServerError, WorkspacePage.unavailable())
            }
            return WorkspaceResponse.html(.ok, WorkspacePage.linkSent())
        }
        router.get(RouterPath(WorkspacePaths.link)) { request, _ in
            let token = request.uri.queryParameters.get("token").map { String($0) } ?? ""
            guard RandomToken.isWellFormed(token),
                let link = try await store.signInLink(tokenHash: RandomToken.hash(token)), link.isUsable(at: now())
            else { return WorkspaceResponse.html(.gone, WorkspacePage.linkUnusable()) }
            let csrf = CSRF.anonymous(request, secure: options.secureCookies)
            return WorkspaceResponse.html(
                .ok,
                WorkspacePage.confirmLink(email: link.email, token: token, csrf: csrf.token, expires: link.expires),
                cookies: csrf.cookie.map { [$0] } ?? [])
        }
        router.post(RouterPath(WorkspacePaths.link)) { request, _ in
            let form = Form(AnswerRoutes.formFields(String(buffer: try await request.body.collect(upTo: 16 * 1024))))
            guard CSRF.matches(form["csrf"], request.cookies[CSRF.cookieName].map { String($0.value) }) else {
                return WorkspaceResponse.html(.forbidden, WorkspacePage.forgedForm())
            }
            let token = form["token"] ?? ""
            guard RandomToken.isWellFormed(token),
                let link = try await store.useSignInLink(tokenHash: RandomToken.hash(token), at: now()),
                let published = state.published,
                published.recipients.contains(where: { $0.email.lowercased() == link.email })
            else { return WorkspaceResponse.html(.gone, WorkspacePage.linkUnusable()) }
            // A new session id at every sign-in; an old session of this browser ends.
            if sessions.getId(request: request) != nil { _ = try? await sessions.delete(request: request) }
            let session = WorkspaceSession(
                email: link.email, csrf: CSRF.newToken(), signedIn: now().secondsSince1970)
            let cookie = try await sessions.save(session: session, expiresIn: options.sessionLifetime)
            try await store.recordAudit(
                AuditEntry(at: now(), email: link.email, action: "signed in", subject: "session"))
            return WorkspaceResponse.redirect(WorkspacePaths.overview, cookies: [cookie])
        }
        router.post(RouterPath(WorkspacePaths.signOut)) { request, _ in
            try await form(request) { signed, _ in
                let cookie = try await sessions.delete(request: request)
                try await store.recordAudit(
                    AuditEntry(at: now(), email: signed.person.email, action: "signed out", subject: "session"))
                return WorkspaceResponse.redirect(WorkspacePaths.signIn + "?utloggad=1", cookies: [cookie])
            }
        }
    }

    /// Mails a link if `email` is someone in `recipients.yaml` who has not had too many
    /// links lately; otherwise does nothing, so the answer tells no one which addresses exist.
    func mailLink(to email: String, logger: Logger) async throws {
        guard let published = state.published,
            let person = published.recipients.first(where: { $0.email.lowercased() == email })
        else { return }
        let instant = now()
        let windowStart = UTCInstant(
            secondsSince1970: instant.secondsSince1970 - Int(options.limitWindow.components.seconds))
        guard try await store.signInLinkCount(email: email, since: windowStart) < options.linksPerAddress else {
            return
        }
        let token = RandomToken.make()
        let expires = UTCInstant(
            secondsSince1970: instant.secondsSince1970 + Int(options.linkLifetime.components.seconds))
        try await store.addSignInLink(
            SignInLink(tokenHash: RandomToken.hash(token), email: email, created: instant, expires: expires))
        let base = String(published.pageURL.dropLast())
        do {
            try await mailer.sendSignInLink(
                to: person, link: "\(base)\(WorkspacePaths.link)?token=\(token)", expires: expires)
            logger.info("sign-in link mailed", metadata: ["to": "\(email)"])
        } catch {
            // The page must not differ for a known address; the log says what to fix.
            logger.error("cannot mail the sign-in link", metadata: ["to": "\(email)", "error": "\(error)"])
        }
    }
}
