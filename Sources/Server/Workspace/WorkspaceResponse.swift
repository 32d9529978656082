import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The headers and shapes of every workspace answer. Pages hold a person's data and a
/// CSRF token: never cached, never framed, no referrer, and a CSP that allows no
/// script at all (the pages need none) and forms only to this server.
enum WorkspaceResponse {
    static var headers: HTTPFields {
        var headers = HTTPFields()
        headers[.cacheControl] = "no-store"
        headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        headers[HTTPField.Name("X-Robots-Tag")!] = "noindex"
        headers[.contentSecurityPolicy] =
            "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'"
        headers[.xContentTypeOptions] = "nosniff"
        headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        return headers
    }

    static func html(_ status: HTTPResponse.Status, _ html: String, cookies: [Cookie] = []) -> Response {
        var headers = Self.headers
        headers[.contentType] = "text/html; charset=utf-8"
        var response = Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
        for cookie in cookies { response.setCookie(cookie) }
        return response
    }

    /// 303 to `location`: a form's answer, so a reload does not send it again.
    static func redirect(_ location: String, cookies: [Cookie] = []) -> Response {
        var headers = Self.headers
        headers[.location] = location
        var response = Response(status: .seeOther, headers: headers)
        for cookie in cookies { response.setCookie(cookie) }
        return response
    }
}
