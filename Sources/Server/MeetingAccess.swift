import KalendariumCore
import Store

/// Whether a request may see a meeting's agenda and papers: always for a public body;
/// for a members-only one (`visibility: members`) only with the per-person token from
/// the kallelse (``AgendaTokens``). The token names no one, so it is compared, in
/// constant time and without stopping at a match, against the token of everyone the
/// body admits (``Body/admits(_:)``).
enum MeetingAccess {
    /// Longer than any token we make; refused before any work.
    static let maximumTokenLength = 128

    static func allows(
        _ body: Body, meeting: String, token: String?, recipients: [Recipient], store: any AgendaTokenStore
    ) async throws -> Bool {
        guard body.agendaIsRestricted else { return true }
        guard let token, !token.isEmpty, token.utf8.count <= maximumTokenLength else { return false }
        let tokens = AgendaTokens(secret: try await store.agendaTokenSecret())
        var allowed = false
        for person in recipients where body.admits(person) {
            let match = ConstantTime.equal(token, tokens.token(meeting: meeting, email: person.email))
            allowed = allowed || match
        }
        return allowed
    }

    /// Whether `token` is the page token of someone in the secretariat (`kansli`) or of
    /// the meeting's chair: they see the answers to the kallelse on the page.
    static func isStaff(
        _ token: String?, meeting: Meeting, data: CalendarData, recipients: [Recipient], store: any AgendaTokenStore
    ) async throws -> Bool {
        guard let token, !token.isEmpty, token.utf8.count <= maximumTokenLength else { return false }
        let chair = data.chair(of: meeting)?.name.lowercased()
        let staff = recipients.filter { $0.roles.contains(.kansli) || $0.name.lowercased() == chair }
        guard !staff.isEmpty else { return false }
        let tokens = AgendaTokens(secret: try await store.agendaTokenSecret())
        var found = false
        for person in staff {
            let match = ConstantTime.equal(token, tokens.token(meeting: meeting.id, email: person.email))
            found = found || match
        }
        return found
    }
}
