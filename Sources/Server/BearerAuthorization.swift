import Hummingbird

/// The API's writes need `Authorization: Bearer <token>` (the items and the agenda
/// API alike), compared in constant time.
enum BearerAuthorization {
    /// nil `token`: writes are off (403); a missing or wrong one is 401.
    static func check(_ request: Request, token: String?) throws {
        guard let token else {
            throw APIError(.forbidden, "writes are off: set KALENDARIUM_API_TOKEN or api-token-file to allow them")
        }
        guard isAuthorized(request, token: token) else {
            throw APIError(.unauthorized, "send Authorization: Bearer <token>")
        }
    }

    static func isAuthorized(_ request: Request, token: String?) -> Bool {
        // The scheme is case-insensitive (RFC 9110 § 11.1).
        guard let token, let header = request.headers[.authorization], header.prefix(7).lowercased() == "bearer "
        else { return false }
        return ConstantTime.equal(String(header.dropFirst(7)), token)
    }
}
