/// An answer as it was given: by whom (the address in `recipients.yaml`, lowercased),
/// when, and how. Every change of answer is a new record; the latest one counts.
public struct AnswerRecord: Hashable, Sendable {
    /// How the answer came in, so the secretariat can tell a click from a calendar reply.
    public enum Channel: String, CaseIterable, Hashable, Sendable, Codable {
        /// The confirmed link in the kallelse.
        case link
        /// An iTIP REPLY from a calendar app's Accept or Decline.
        case invitation
        /// `kalendarium answers set`, by the secretariat.
        case cli
        /// `/api/v1/meetings/{id}/answers`.
        case api
    }

    public let meeting: String
    public let email: String
    public let answer: Answer
    public let at: UTCInstant
    public let via: Channel

    public init(meeting: String, email: String, answer: Answer, at: UTCInstant, via: Channel) {
        self.meeting = meeting
        self.email = email.lowercased()
        self.answer = answer
        self.at = at
        self.via = via
    }
}
