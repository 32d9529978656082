import Hummingbird

/// Only GET and HEAD exist here (the items and agenda APIs add their own); anything else is 405
/// with the methods that are allowed, rather than a misleading 404.
struct MethodGuardMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let allowed = Self.allowed(request.uri.path)
        guard allowed.contains(request.method) else {
            var headers = HTTPFields()
            headers[.allow] = allowed.map(\.rawValue).joined(separator: ", ")
            headers[.contentType] = "text/plain; charset=utf-8"
            return Response(
                status: .methodNotAllowed, headers: headers,
                body: .init(byteBuffer: ByteBuffer(string: "\(request.method.rawValue) is not allowed here\n")))
        }
        return try await next(request, context)
    }

    /// The methods a path has, as `Allow` lists them (RFC 9110 § 10.2.1).
    static func allowed(_ path: String) -> [HTTPRequest.Method] {
        if path == "/api/v1/items" { return [.get, .head, .post] }
        if path.hasPrefix("/api/v1/items/") { return [.get, .head, .patch] }
        if path.hasPrefix("/api/v1/meetings/") { return agendaMethods(path) }
        // The answer page: the link opens it, the confirmation posts to it (``AnswerRoutes``).
        if path.hasPrefix("/meetings/"), path.hasSuffix("/svar"), path.split(separator: "/").count == 3 {
            return [.get, .head, .post]
        }
        if path.hasPrefix("/arbetsyta/") { return workspaceMethods(path) }
        return [.get, .head]
    }

    /// The workspace (``Workspace``): pages are GET, their forms POST to the page
    /// itself or to a named action below it.
    static func workspaceMethods(_ path: String) -> [HTTPRequest.Method] {
        let parts = path.split(separator: "/").dropFirst()
        switch Array(parts) {
        case ["logga-in"], ["logga-in", "lank"], ["arenden"], ["vardskap"], ["planera"]: return [.get, .head, .post]
        case ["logga-ut"], ["moten", "extra"]: return [.post]
        case let p where p.count == 2 && p[0] == "arenden": return [.get, .head, .post]
        case let p where p.count == 2 && p[0] == "moten": return [.get, .head, .post]
        case let p where p.count == 3 && p[0] == "moten" && (p[2] == "dagordning" || p[2] == "minnesanteckningar"):
            return [.get, .head, .post]
        case let p where p.count == 4 && p[0] == "moten" && p[2] == "dagordning" && p[3] == "handlingar":
            return [.post]
        default: return [.get, .head]
        }
    }

    /// `/api/v1/meetings/{id}/agenda` and `…/minutes` and below (see `AgendaAPI`, `MinutesAPI`).
    static func agendaMethods(_ path: String) -> [HTTPRequest.Method] {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst(5)
        if parts.first == "minutes" { return minutesMethods(Array(parts.dropFirst())) }
        if parts.first == "answers" { return parts.count == 2 ? [.put] : [.get, .head] }
        guard parts.first == "agenda" else { return [.get, .head] }
        switch Array(parts.dropFirst()) {
        case []: return [.get, .head]
        case ["points"], ["proposals"], ["publish"]: return [.post]
        case let rest where rest.count == 2 && rest[0] == "points": return [.patch, .delete]
        case let rest where rest.count == 3 && rest[0] == "points" && (rest[2] == "move" || rest[2] == "papers"):
            return [.post]
        case let rest where rest.count == 3 && rest[0] == "proposals" && (rest[2] == "accept" || rest[2] == "decline"):
            return [.post]
        default: return [.get, .head]
        }
    }

    static func minutesMethods(_ rest: [Substring]) -> [HTTPRequest.Method] {
        switch rest {
        case []: return [.get, .head]
        case ["start"], ["attendance"], ["follow-ups"], ["approve"], ["correct"]: return [.post]
        case ["chair"]: return [.patch]
        case let r where r.count == 3 && r[0] == "points" && (r[2] == "notes" || r[2] == "decisions"): return [.post]
        default: return [.get, .head]
        }
    }
}
